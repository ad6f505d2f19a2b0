package io.millwright.core.internal.shell;

import io.millwright.core.internal.model.MachineDefinition;
import io.millwright.core.internal.runtime.MachineRuntime;
import io.millwright.core.internal.runtime.MachineSnapshot;
import io.millwright.core.internal.runtime.OeeReporter;
import io.millwright.core.internal.runtime.SiteCalendar;
import io.millwright.core.oee.OeeResult;
import io.millwright.core.oee.SixBigLosses;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * OEE of a machine, or of a line, area or site (the sums of its machines' times and counts), for
 * the current or previous shift or any window.
 */
@Service
@Command(scope = "millwright", name = "oee", description = "Shows availability, performance, quality, OEE, TEEP and the six big losses")
public class OeeCommand implements Action {

    @Reference
    MachineRuntime runtime;

    @Argument(index = 0, name = "target", required = true, description = "Machine id, or a line, area or site id")
    @Completion(MachineOrLineCompleter.class)
    String target;

    @Option(name = "--shift", description = "current (default) or previous")
    String shift = "current";

    @Option(name = "--from", description = "Window start: 2026-11-24T06:00 (local) or an ISO instant")
    String from;

    @Option(name = "--to", description = "Window end (default now)")
    String to;

    @Override
    public Object execute() {
        List<MachineDefinition> machines = machines();
        runtime.writeNow();
        OeeReporter reporter = new OeeReporter(runtime, Clock.systemUTC());
        SiteCalendar.Window window = window(reporter, machines.get(0));
        OeeResult result = machines.size() == 1 && machines.get(0).id().equals(target)
                ? reporter.machine(machines.get(0), window.start(), window.end())
                : reporter.line(machines, window.start(), window.end());
        System.out.println("OEE of " + target + (machines.size() > 1 ? " (" + machines.size() + " machines)" : "")
                + ", " + window.name() + ": " + Format.time(result.from()) + " to " + Format.time(result.to()));
        ShellTable ratios = new ShellTable();
        ratios.column("Measure");
        ratios.column("Value").alignRight();
        ratios.column("Note");
        ratios.addRow().addContent("Availability", Format.percent(result.availability()), "run / planned production time");
        ratios.addRow().addContent("Performance", Format.percent(result.performance()),
                result.performanceAboveIdeal() ? "ABOVE 100 %: the ideal cycle time is too slow" : "ideal time / run time");
        ratios.addRow().addContent("Quality", Format.percent(result.quality()), "good / total");
        ratios.addRow().addContent("OEE", Format.percent(result.oee()), "A x P x Q");
        ratios.addRow().addContent("TEEP", Format.percent(result.teep()), "OEE x planned production / calendar time");
        ratios.print(System.out);
        ShellTable times = new ShellTable();
        times.column("Time");
        times.column("Minutes").alignRight();
        times.addRow().addContent("Calendar", Format.minutes(result.calendarTime()));
        times.addRow().addContent("Planned stops", Format.minutes(result.plannedStopTime()));
        times.addRow().addContent("Data gap (offline)", Format.minutes(result.dataGapTime()));
        times.addRow().addContent("Planned production", Format.minutes(result.plannedProductionTime()));
        times.addRow().addContent("Down", Format.minutes(result.downTime()));
        times.addRow().addContent("Idle", Format.minutes(result.idleTime()));
        times.addRow().addContent("  of which setup", Format.minutes(result.setupTime()));
        times.addRow().addContent("Run (minor stops included)", Format.minutes(result.runTime()));
        times.addRow().addContent("  minor stops", Format.minutes(result.minorStopTime()));
        times.addRow().addContent("Ideal time of all parts", Format.minutes(result.idealTime()));
        System.out.println();
        times.print(System.out);
        System.out.println();
        System.out.println("Counts: " + result.totalCount() + " total, " + result.goodCount() + " good, "
                + result.rejectCount() + " rejects");
        SixBigLosses losses = result.sixBigLosses();
        ShellTable six = new ShellTable();
        six.column("Loss");
        six.column("Minutes").alignRight();
        six.addRow().addContent("Unplanned stops", Format.minutes(losses.unplannedStops()));
        six.addRow().addContent("Setup and adjustments", Format.minutes(losses.setupAndAdjustments()));
        six.addRow().addContent("Small stops", Format.minutes(losses.smallStops()));
        six.addRow().addContent("Slow cycles", Format.minutes(losses.slowCycles()));
        six.addRow().addContent("Production rejects", Format.minutes(losses.productionRejects()));
        six.addRow().addContent("Startup rejects", Format.minutes(losses.startupRejects()));
        System.out.println();
        six.print(System.out);
        return null;
    }

    private List<MachineDefinition> machines() {
        List<MachineDefinition> machines = new ArrayList<>();
        for (String id : runtime.machineIds()) {
            Optional<MachineDefinition> d = runtime.snapshot(id).map(MachineSnapshot::definition);
            if (d.isEmpty()) {
                continue;
            }
            if (id.equals(target)) {
                return List.of(d.get());
            }
            MachineDefinition m = d.get();
            if (target.equals(m.line()) || target.equals(m.area()) || target.equals(m.site())) {
                machines.add(m);
            }
        }
        if (machines.isEmpty()) {
            throw new IllegalArgumentException("no machine, line, area or site '" + target + "'");
        }
        return machines;
    }

    private SiteCalendar.Window window(OeeReporter reporter, MachineDefinition first) {
        if (from != null) {
            Instant start = Format.parseTime(from);
            Instant end = to == null ? Instant.now() : Format.parseTime(to);
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("--to " + to + " is not after --from " + from);
            }
            return new SiteCalendar.Window("window", start, end);
        }
        switch (shift) {
            case "current":
                return reporter.currentShift(first);
            case "previous":
                return reporter.previousShift(first);
            default:
                throw new IllegalArgumentException("--shift " + shift + ": use current or previous");
        }
    }
}
