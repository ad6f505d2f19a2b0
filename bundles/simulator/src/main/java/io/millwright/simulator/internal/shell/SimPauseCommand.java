package io.millwright.simulator.internal.shell;

import io.millwright.simulator.internal.PlantRegistry;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Pauses a simulated machine's production: it goes IDLE until resumed. */
@Service
@Command(scope = "millwright", name = "sim-pause", description = "Pauses a simulated machine's production (IDLE until sim-resume)")
public class SimPauseCommand implements Action {

    @Reference
    PlantRegistry plant;

    @Argument(index = 0, name = "machine", required = true, description = "Simulated machine id")
    @Completion(SimMachineCompleter.class)
    String machineId;

    @Override
    public Object execute() {
        boolean changed = plant.machine(machineId).pause();
        System.out.println(machineId + (changed ? " paused" : " was already paused"));
        return null;
    }
}
