package io.millwright.simulator.internal.shell;

import io.millwright.simulator.internal.PlantRegistry;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes simulated machine ids. */
@Service
public class SimMachineCompleter implements Completer {

    @Reference
    PlantRegistry plant;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(plant.machineIds()).complete(session, commandLine, candidates);
    }
}
