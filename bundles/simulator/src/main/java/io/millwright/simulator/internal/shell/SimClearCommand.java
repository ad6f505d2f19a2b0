package io.millwright.simulator.internal.shell;

import io.millwright.simulator.internal.PlantRegistry;
import io.millwright.simulator.internal.SimulatedMachine;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Ends a simulated machine's fault, forced or random. */
@Service
@Command(scope = "millwright", name = "sim-clear", description = "Clears a simulated machine's fault")
public class SimClearCommand implements Action {

    @Reference
    PlantRegistry plant;

    @Argument(index = 0, name = "machine", required = true, description = "Simulated machine id")
    @Completion(SimMachineCompleter.class)
    String machineId;

    @Override
    public Object execute() {
        SimulatedMachine machine = plant.machine(machineId);
        boolean cleared = machine.clearFault();
        System.out.println(machineId + (cleared ? ": fault cleared, now " : " was not faulted: ")
                + machine.snapshot().status());
        return null;
    }
}
