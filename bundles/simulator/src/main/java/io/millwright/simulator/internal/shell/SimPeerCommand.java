package io.millwright.simulator.internal.shell;

import io.millwright.simulator.internal.PlantRegistry;
import io.millwright.simulator.internal.SimulatedMachine;
import java.io.IOException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Makes a simulated machine's Modbus server go away and come back, as a peer that drops off the network. */
@Service
@Command(scope = "millwright", name = "sim-peer",
        description = "Stops (down) or restarts (up) a simulated machine's Modbus server on its port")
public class SimPeerCommand implements Action {

    @Reference
    PlantRegistry plant;

    @Argument(index = 0, name = "machine", required = true, description = "Simulated machine id")
    @Completion(SimMachineCompleter.class)
    String machineId;

    @Argument(index = 1, name = "down|up", required = true, description = "down: stop serving; up: serve again")
    @Completion(values = {"down", "up"}, value = StringsCompleter.class)
    String direction;

    @Override
    public Object execute() throws IOException {
        boolean up = switch (direction) {
            case "up" -> true;
            case "down" -> false;
            default -> throw new IllegalArgumentException("'" + direction + "': say down or up");
        };
        SimulatedMachine machine = plant.machine(machineId);
        machine.setModbusUp(up);
        String where = machine.modbusEndpoint().map(Object::toString).orElse("");
        System.out.println(machineId + ": Modbus server " + (up ? "up on " : "down, was on ") + where);
        return null;
    }
}
