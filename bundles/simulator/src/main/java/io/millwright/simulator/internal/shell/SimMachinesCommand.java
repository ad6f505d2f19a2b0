package io.millwright.simulator.internal.shell;

import io.millwright.api.simulation.MachineSnapshot;
import io.millwright.simulator.internal.PlantRegistry;
import io.millwright.simulator.internal.RefusedSimulation;
import io.millwright.simulator.internal.SimulatedMachine;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Every simulated machine at a glance, then any refused simulator file. (The OPC UA face has its own sim-opcua.) */
@Service
@Command(scope = "millwright", name = "sim-machines",
        description = "Lists simulated machines: state, counters, fault code, speed, Modbus port and whether it is up")
public class SimMachinesCommand implements Action {

    @Reference
    PlantRegistry plant;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Machine");
        table.column("State");
        table.column("Cause");
        table.column("Total").alignRight();
        table.column("Reject").alignRight();
        table.column("Fault").alignRight();
        table.column("Speed/min").alignRight();
        table.column("Modbus");
        table.column("Face");
        for (SimulatedMachine m : plant.machines()) {
            MachineSnapshot s = m.snapshot();
            String modbus = m.modbusEndpoint().map(e -> e.address() + ":" + e.port() + " unit " + e.unitId()).orElse("-");
            String face = m.modbusEndpoint().isEmpty() ? "-" : m.modbusUp() ? "up"
                    : m.modbusProblem().isEmpty() ? "down" : "down: " + m.modbusProblem();
            table.addRow().addContent(m.id(), s.status() + (s.paused() ? " (paused)" : ""),
                    s.cause().name().toLowerCase(Locale.ROOT), s.totalCount(), s.rejectCount(),
                    s.faultCode() == 0 ? "" : String.valueOf(s.faultCode()),
                    String.format(Locale.ROOT, "%.1f", s.speed()), modbus, face);
        }
        table.print(System.out);
        for (RefusedSimulation r : plant.refused()) {
            System.out.println("Refused " + r.file() + ": " + r.problem());
        }
        return null;
    }
}
