package io.millwright.core.internal.shell;

import io.millwright.core.internal.runtime.MachineRuntime;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes machine ids. */
@Service
public class MachineIdCompleter implements Completer {

    @Reference
    MachineRuntime runtime;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter strings = new StringsCompleter(runtime.machineIds());
        return strings.complete(session, commandLine, candidates);
    }
}
