package io.millwright.core.internal.shell;

import io.millwright.api.store.DowntimeRecord;
import io.millwright.core.internal.runtime.MachineRuntime;
import io.millwright.core.internal.runtime.MachineSnapshot;
import io.millwright.core.internal.runtime.OeeReporter;
import io.millwright.core.internal.runtime.SiteCalendar;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** A machine's stops this shift (or in a window): when, how long, why, and who said so. */
@Service
@Command(scope = "millwright", name = "downtime", description = "Lists a machine's downtimes with reasons")
public class DowntimeCommand implements Action {

    @Reference
    MachineRuntime runtime;

    @Argument(index = 0, name = "machine", required = true, description = "Machine id")
    @Completion(MachineIdCompleter.class)
    String machineId;

    @Option(name = "--open", description = "Only the stop going on now")
    boolean open;

    @Option(name = "--minor", description = "Include minor stops")
    boolean minor;

    @Option(name = "--from", description = "Window start (default: this shift's start)")
    String from;

    @Option(name = "--to", description = "Window end (default now)")
    String to;

    @Override
    public Object execute() {
        MachineSnapshot s = runtime.snapshot(machineId)
                .orElseThrow(() -> new IllegalArgumentException("no machine '" + machineId + "'"));
        SiteCalendar.Window shift = new OeeReporter(runtime, Clock.systemUTC()).currentShift(s.definition());
        Instant start = from == null ? shift.start() : Format.parseTime(from);
        Instant end = to == null ? Instant.now().plusSeconds(1) : Format.parseTime(to);
        runtime.writeNow();
        List<DowntimeRecord> records = runtime.store().downtimes(machineId, start, end);
        ShellTable table = new ShellTable();
        table.column("Downtime");
        table.column("Start");
        table.column("End");
        table.column("Duration").alignRight();
        table.column("State");
        table.column("Reason");
        table.column("Set by");
        int shown = 0;
        Instant now = Instant.now();
        for (DowntimeRecord r : records) {
            if (open && !r.isOpen() || !minor && r.minorStop()) {
                continue;
            }
            shown++;
            table.addRow().addContent(r.id(), Format.time(r.start()), r.isOpen() ? "(open)" : Format.time(r.end()),
                    Format.duration(r.duration(now)), r.state() + (r.minorStop() ? " minor" : ""),
                    r.reasonCode() == null ? "(none)" : r.reasonCode(),
                    r.reasonSetBy() == null ? "" : r.reasonSetBy() + " " + Format.time(r.reasonSetAt()));
        }
        table.print(System.out);
        System.out.println(shown + " downtime(s) from " + Format.time(start));
        return null;
    }
}
