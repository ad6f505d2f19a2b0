package io.millwright.core.internal.shell;

import io.millwright.api.store.DowntimeRecord;
import io.millwright.core.internal.runtime.MachineRuntime;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the ids of downtimes of the last 24 hours. */
@Service
public class DowntimeIdCompleter implements Completer {

    @Reference
    MachineRuntime runtime;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        TreeSet<String> ids = new TreeSet<>();
        Instant now = Instant.now();
        for (String machine : runtime.machineIds()) {
            for (DowntimeRecord record : runtime.store().downtimes(machine, now.minusSeconds(86_400), now)) {
                ids.add(record.id());
            }
        }
        return new StringsCompleter(ids).complete(session, commandLine, candidates);
    }
}
