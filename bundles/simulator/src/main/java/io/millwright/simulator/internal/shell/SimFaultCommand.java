package io.millwright.simulator.internal.shell;

import io.millwright.simulator.internal.PlantRegistry;
import java.time.Duration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Faults a simulated machine now, for a while or until cleared. */
@Service
@Command(scope = "millwright", name = "sim-fault",
        description = "Faults a simulated machine with a code, for some seconds or until sim-clear")
public class SimFaultCommand implements Action {

    @Reference
    PlantRegistry plant;

    @Argument(index = 0, name = "machine", required = true, description = "Simulated machine id")
    @Completion(SimMachineCompleter.class)
    String machineId;

    @Argument(index = 1, name = "code", required = true, description = "Fault code, 1 to 65535")
    int code;

    @Argument(index = 2, name = "seconds", required = false, description = "How long the fault lasts; omit for until sim-clear")
    Integer seconds;

    @Override
    public Object execute() {
        if (seconds != null && seconds < 0) {
            throw new IllegalArgumentException("seconds " + seconds + " is negative");
        }
        plant.machine(machineId).forceFault(code, seconds == null ? null : Duration.ofSeconds(seconds));
        System.out.println(machineId + " DOWN with fault " + code
                + (seconds == null ? " until sim-clear " + machineId : " for " + seconds + " s"));
        return null;
    }
}
