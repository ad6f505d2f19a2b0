package io.millwright.core.internal.shell;

import io.millwright.api.machine.DowntimeSplit;
import io.millwright.core.internal.runtime.DowntimeEditor;
import io.millwright.core.internal.runtime.MachineRuntime;
import java.time.Clock;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Splits a downtime in two, so each part can have its own reason. */
@Service
@Command(scope = "millwright", name = "downtime-split", description = "Splits a downtime in two at a time")
public class DowntimeSplitCommand implements Action {

    @Reference
    MachineRuntime runtime;

    @Argument(index = 0, name = "downtime", required = true, description = "Downtime id")
    @Completion(DowntimeIdCompleter.class)
    String downtimeId;

    @Argument(index = 1, name = "at", required = true, description = "Where to split: 2026-11-24T10:15 (local) or an ISO instant")
    String at;

    @Override
    public Object execute() {
        DowntimeSplit split = new DowntimeEditor(runtime, Clock.systemUTC())
                .split(downtimeId, Format.parseTime(at), ShellUser.current());
        System.out.println("Downtime " + downtimeId + " split at " + Format.time(split.at()) + "; the second part is "
                + split.newDowntimeId() + " (split by " + split.splitBy() + ")");
        return null;
    }
}
