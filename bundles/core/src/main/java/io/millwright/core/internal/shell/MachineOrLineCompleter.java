package io.millwright.core.internal.shell;

import io.millwright.core.internal.model.MachineDefinition;
import io.millwright.core.internal.runtime.MachineRuntime;
import io.millwright.core.internal.runtime.MachineSnapshot;
import java.util.List;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes machine ids, line ids, area ids and site ids. */
@Service
public class MachineOrLineCompleter implements Completer {

    @Reference
    MachineRuntime runtime;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        TreeSet<String> names = new TreeSet<>(runtime.machineIds());
        for (String id : runtime.machineIds()) {
            runtime.snapshot(id).map(MachineSnapshot::definition).ifPresent(d -> addPlaces(names, d));
        }
        return new StringsCompleter(names).complete(session, commandLine, candidates);
    }

    private static void addPlaces(TreeSet<String> names, MachineDefinition d) {
        names.add(d.site());
        if (d.area() != null) {
            names.add(d.area());
        }
        if (d.line() != null) {
            names.add(d.line());
        }
    }
}
