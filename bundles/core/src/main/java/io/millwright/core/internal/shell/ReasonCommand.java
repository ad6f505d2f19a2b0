package io.millwright.core.internal.shell;

import io.millwright.api.machine.ReasonSet;
import io.millwright.core.internal.runtime.DowntimeEditor;
import io.millwright.core.internal.runtime.MachineRuntime;
import java.time.Clock;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Sets or corrects a downtime's reason; records who and when. */
@Service
@Command(scope = "millwright", name = "reason", description = "Sets or corrects the reason of a downtime")
public class ReasonCommand implements Action {

    @Reference
    MachineRuntime runtime;

    @Argument(index = 0, name = "downtime", required = true, description = "Downtime id, as millwright:downtime lists it")
    @Completion(DowntimeIdCompleter.class)
    String downtimeId;

    @Argument(index = 1, name = "code", required = true, description = "Reason code, e.g. MECH.JAM")
    String code;

    @Override
    public Object execute() {
        ReasonSet set = new DowntimeEditor(runtime, Clock.systemUTC()).setReason(downtimeId, code, ShellUser.current());
        System.out.println("Downtime " + downtimeId + ": reason " + (set.previousReasonCode() == null ? "(none)"
                : set.previousReasonCode()) + " -> " + set.reasonCode() + ", set by " + set.setBy()
                + " at " + Format.time(set.time()));
        return null;
    }
}
