package io.millwright.core.internal.runtime;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.MachineState;
import io.millwright.api.machine.StateChanged;
import io.millwright.api.store.DowntimeRecord;
import io.millwright.api.store.MachineStore;
import io.millwright.core.internal.model.MachineDefinition;
import io.millwright.core.internal.model.ReasonTree;
import io.millwright.core.oee.CountSample;
import io.millwright.core.oee.OeeCalculator;
import io.millwright.core.oee.OeeInput;
import io.millwright.core.oee.OeeResult;
import io.millwright.core.oee.Period;
import io.millwright.core.oee.StatePeriod;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds OEE for a machine or a line over a window from the stored history: state changes,
 * downtimes (minor stops, setup reasons), count buckets, and the calendar's planned stops.
 */
public final class OeeReporter {

    private final MachineRuntime runtime;
    private final Clock clock;

    public OeeReporter(MachineRuntime runtime, Clock clock) {
        this.runtime = runtime;
        this.clock = clock;
    }

    /** The shift containing now (or the last one if none does), or today since midnight without a calendar. */
    public SiteCalendar.Window currentShift(MachineDefinition definition) {
        Instant now = clock.instant();
        Optional<SiteCalendar> calendar = runtime.calendarFor(definition);
        if (calendar.isPresent()) {
            Optional<SiteCalendar.Window> shift = calendar.get().shiftAt(now).or(() -> calendar.get().previousShift(now));
            if (shift.isPresent()) {
                return shift.get();
            }
        }
        Instant midnight = LocalDate.now(clock.withZone(ZoneId.systemDefault())).atStartOfDay(ZoneId.systemDefault())
                .toInstant();
        return new SiteCalendar.Window("today", midnight, midnight.plusSeconds(86_400));
    }

    /** The shift before the current one, or yesterday without a calendar. */
    public SiteCalendar.Window previousShift(MachineDefinition definition) {
        SiteCalendar.Window current = currentShift(definition);
        Optional<SiteCalendar> calendar = runtime.calendarFor(definition);
        if (calendar.isPresent()) {
            Optional<SiteCalendar.Window> previous = calendar.get().previousShift(current.start());
            if (previous.isPresent()) {
                return previous.get();
            }
        }
        return new SiteCalendar.Window("yesterday", current.start().minusSeconds(86_400), current.start());
    }

    /** OEE of one machine over [from, to), cut at now. */
    public OeeResult machine(MachineDefinition definition, Instant from, Instant to) {
        Instant now = clock.instant();
        Instant end = to.isAfter(now) ? now : to;
        if (!end.isAfter(from)) {
            end = from;
        }
        MachineStore store = runtime.store();
        Optional<ReasonTree> reasons = runtime.reasonsFor(definition.site());
        List<DowntimeRecord> downtimes = store.downtimes(definition.id(), from, end);
        List<StatePeriod> states = states(store.stateChanges(definition.id(), from, end), downtimes, reasons,
                definition, from, end, now);
        List<Period> planned = runtime.calendarFor(definition).map(c -> c.plannedStops(from, to)).orElse(List.of());
        List<CountSample> counts = new ArrayList<>();
        long startup = definition.startupPeriod().toMillis();
        for (CountRecorded count : store.counts(definition.id(), from, end)) {
            counts.add(new CountSample(count.time(), count.total(), count.rejects(), count.idealCycleTime(),
                    startup > 0 && afterStop(count.time(), downtimes, startup)));
        }
        return OeeCalculator.calculate(new OeeInput(from, end, planned, states, counts));
    }

    /** OEE of the machines in a line (or area, or site): the sums of their times and counts. */
    public OeeResult line(List<MachineDefinition> machines, Instant from, Instant to) {
        List<OeeResult> results = new ArrayList<>();
        for (MachineDefinition machine : machines) {
            results.add(machine(machine, from, to));
        }
        return OeeCalculator.aggregate(results);
    }

    private static boolean afterStop(Instant time, List<DowntimeRecord> downtimes, long startupMillis) {
        for (DowntimeRecord downtime : downtimes) {
            if (downtime.end() != null && !downtime.minorStop() && !time.isBefore(downtime.end())
                    && time.toEpochMilli() - downtime.end().toEpochMilli() < startupMillis) {
                return true;
            }
        }
        return false;
    }

    static List<StatePeriod> states(List<StateChanged> changes, List<DowntimeRecord> downtimes,
                                    Optional<ReasonTree> reasons, MachineDefinition definition,
                                    Instant from, Instant end, Instant now) {
        List<StatePeriod> periods = new ArrayList<>();
        Instant cursor = from;
        MachineState current = null;
        for (StateChanged change : changes) {
            if (!change.time().isAfter(from)) {
                current = change.current();
                continue;
            }
            if (change.time().isAfter(end)) {
                break;
            }
            addPeriod(periods, cursor, change.time(), current, downtimes, reasons, definition, now);
            cursor = change.time();
            current = change.current();
        }
        addPeriod(periods, cursor, end, current, downtimes, reasons, definition, now);
        return periods;
    }

    private static void addPeriod(List<StatePeriod> periods, Instant start, Instant end, MachineState state,
                                  List<DowntimeRecord> downtimes, Optional<ReasonTree> reasons,
                                  MachineDefinition definition, Instant now) {
        if (state == null || !end.isAfter(start)) {
            return; // unknown before the first change: the calculator counts it as a data gap
        }
        if (!state.isUnplannedStop()) {
            periods.add(new StatePeriod(start, end, state, false, false));
            return;
        }
        // a stop is split along its downtime records, which carry minor-stop and setup flags
        Instant cursor = start;
        for (DowntimeRecord downtime : downtimes) {
            Instant dStart = downtime.start().isBefore(start) ? start : downtime.start();
            Instant dEndRaw = downtime.end() == null ? now : downtime.end();
            Instant dEnd = dEndRaw.isAfter(end) ? end : dEndRaw;
            if (!dEnd.isAfter(dStart) || dStart.isBefore(cursor) && !dEnd.isAfter(cursor)) {
                continue;
            }
            if (dStart.isAfter(cursor)) {
                periods.add(new StatePeriod(cursor, dStart, state, false, false));
            }
            Instant partStart = dStart.isBefore(cursor) ? cursor : dStart;
            boolean minor = downtime.end() == null
                    ? downtime.duration(now).compareTo(definition.microStopThreshold()) < 0
                    : downtime.minorStop();
            boolean setup = reasons.map(r -> r.isSetup(downtime.reasonCode())).orElse(false);
            periods.add(new StatePeriod(partStart, dEnd, state, minor, setup));
            cursor = dEnd;
        }
        if (end.isAfter(cursor)) {
            periods.add(new StatePeriod(cursor, end, state, false, false));
        }
    }
}
