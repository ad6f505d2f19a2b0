package io.millwright.simulator.internal.shell;

import io.millwright.simulator.internal.PlantRegistry;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Resumes a paused simulated machine's production. */
@Service
@Command(scope = "millwright", name = "sim-resume", description = "Resumes a paused simulated machine's production")
public class SimResumeCommand implements Action {

    @Reference
    PlantRegistry plant;

    @Argument(index = 0, name = "machine", required = true, description = "Simulated machine id")
    @Completion(SimMachineCompleter.class)
    String machineId;

    @Override
    public Object execute() {
        boolean changed = plant.machine(machineId).resume();
        System.out.println(machineId + (changed ? " resumed, now " + plant.machine(machineId).snapshot().status()
                : " was not paused"));
        return null;
    }
}
