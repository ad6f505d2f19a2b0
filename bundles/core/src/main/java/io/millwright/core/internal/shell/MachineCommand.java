package io.millwright.core.internal.shell;

import io.millwright.api.machine.StateChanged;
import io.millwright.api.sample.Sample;
import io.millwright.core.internal.model.MachineDefinition;
import io.millwright.core.internal.model.SignalBinding;
import io.millwright.core.internal.runtime.MachineRuntime;
import io.millwright.core.internal.runtime.MachineSnapshot;
import io.millwright.core.internal.runtime.OeeReporter;
import io.millwright.core.internal.runtime.SiteCalendar;
import java.time.Clock;
import java.time.Duration;
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

/** One machine in detail: where it sits, its signals with their last values, and its state history. */
@Service
@Command(scope = "millwright", name = "machine", description = "Shows a machine's signals, last values and state history")
public class MachineCommand implements Action {

    @Reference
    MachineRuntime runtime;

    @Argument(index = 0, name = "machine", required = true, description = "Machine id")
    @Completion(MachineIdCompleter.class)
    String machineId;

    @Option(name = "--history", description = "How many state changes to show (default 20)")
    int history = 20;

    @Override
    public Object execute() {
        MachineSnapshot s = runtime.snapshot(machineId)
                .orElseThrow(() -> new IllegalArgumentException("no machine '" + machineId + "'; known: "
                        + String.join(", ", runtime.machineIds())));
        MachineDefinition d = s.definition();
        System.out.println(d.id() + " — " + d.name() + " (" + d.place() + (d.critical() ? ", critical" : "") + ")");
        System.out.println("State:    " + s.state() + " since " + Format.time(s.since())
                + (s.openDowntimeId() == null ? "" : ", downtime " + s.openDowntimeId()));
        System.out.println("Product:  " + (s.product().isEmpty() ? "(none)" : s.product())
                + ", ideal cycle " + s.idealCycleTime().toMillis() / 1000.0 + " s");
        System.out.println("Times:    micro-stop " + seconds(d.microStopThreshold()) + ", stale after "
                + seconds(d.stalenessTimeout()) + ", counters " + d.counterBits() + "-bit " + d.countMode()
                + " (rollovers " + s.counterRollovers() + ", resets " + s.counterResets() + ")");
        System.out.println();
        ShellTable signals = new ShellTable();
        signals.column("Signal");
        signals.column("Bound to");
        signals.column("Value").alignRight();
        signals.column("Quality");
        signals.column("Source time");
        for (SignalBinding binding : d.bindings().values()) {
            Sample sample = s.lastSamples().get(binding.kind());
            signals.addRow().addContent(binding.kind().key(), binding.toString(),
                    sample == null ? "" : sample.asString(),
                    sample == null ? "no data" : sample.quality() + (sample.isGood() ? "" : ": " + sample.qualityReason()),
                    sample == null ? "" : Format.time(sample.sourceInstant()));
        }
        signals.print(System.out);
        System.out.println();
        SiteCalendar.Window shift = new OeeReporter(runtime, Clock.systemUTC()).currentShift(d);
        Instant from = shift.start().isBefore(Instant.now().minusSeconds(86_400)) ? shift.start()
                : Instant.now().minusSeconds(86_400);
        List<StateChanged> changes = runtime.store().stateChanges(d.id(), from, Instant.now().plusSeconds(1));
        ShellTable table = new ShellTable();
        table.column("Time");
        table.column("From");
        table.column("To");
        for (StateChanged change : changes.subList(Math.max(0, changes.size() - history), changes.size())) {
            table.addRow().addContent(Format.time(change.time()), change.previous(), change.current());
        }
        System.out.println("State history (last 24 h or this shift):");
        table.print(System.out);
        return null;
    }

    private static String seconds(Duration d) {
        return d.toMillis() / 1000.0 + " s";
    }
}
