package io.millwright.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The shift calendar of one site or line: which shift runs when, and when production is planned
 * to stop (breaks, holidays, maintenance windows, no shift), correct across DST changes in its zone.
 * Immutable and safe to share between threads.
 */
public final class ShiftCalendar {

    /** How far {@link #nextChange} looks ahead before giving up. */
    public static final Duration LOOK_AHEAD = Duration.ofDays(14);

    private final String scope;
    private final ZoneId zone;
    private final ShiftSchedule schedule;
    private final StopTimeline stops;

    ShiftCalendar(String scope, ZoneId zone, ShiftSchedule schedule, StopTimeline stops) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.stops = Objects.requireNonNull(stops, "stops");
    }

    /**
     * Reads a calendar from the properties of its Config Admin configuration; values are String,
     * String[] or a collection of strings, and keys the calendar does not know are ignored.
     *
     * @throws CalendarConfigException naming the key and entry of the first invalid setting
     */
    public static ShiftCalendar parse(Map<String, ?> properties) {
        return CalendarParser.parse(properties);
    }

    /** The site or line id this calendar applies to. */
    public String scope() {
        return scope;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The shift running at {@code t}, if any (holidays included: none starts on a holiday). */
    public Optional<ShiftInstance> shiftAt(Instant t) {
        return schedule.at(t).map(ScheduledShift::instance);
    }

    /** Shifts overlapping [from, to), sorted by start. */
    public List<ShiftInstance> shifts(Instant from, Instant to) {
        requireWindow(from, to);
        return schedule.overlapping(from, to).stream().map(ScheduledShift::instance).toList();
    }

    /**
     * The latest shift that ended at or before the start of the shift running at {@code t}, or at
     * or before {@code t} when none is running; empty if there is none within a year.
     */
    public Optional<ShiftInstance> previousShift(Instant t) {
        Instant reference = shiftAt(t).map(ShiftInstance::start).orElse(t);
        return schedule.latestEndingBy(reference);
    }

    /** True during a break, a holiday, a maintenance window, or when no shift is scheduled. */
    public boolean isPlannedStop(Instant t) {
        if (stops.inMaintenance(t)) {
            return true;
        }
        return schedule.at(t).map(shift -> shift.inBreak(t)).orElse(true);
    }

    /** True inside a maintenance window, whether or not a shift is scheduled then. */
    public boolean inMaintenance(Instant t) {
        return stops.inMaintenance(t);
    }

    /**
     * Planned stops in [from, to), sorted and clipped to the window. Overlapping or touching stops
     * are merged into one; its reason lists the merged reasons in order of first appearance,
     * joined by {@code ", "} (e.g. {@code "no shift, maintenance"}).
     */
    public List<PlannedStop> plannedStops(Instant from, Instant to) {
        requireWindow(from, to);
        return stops.between(from, to);
    }

    /**
     * The first instant after {@code t} at which {@link #isPlannedStop} changes, so a state engine
     * can wake then; {@code t + LOOK_AHEAD} when nothing changes before that.
     */
    public Instant nextChange(Instant t) {
        Instant horizon = t.plus(LOOK_AHEAD);
        List<PlannedStop> ahead = stops.between(t, horizon);
        if (ahead.isEmpty()) {
            return horizon;
        }
        PlannedStop first = ahead.get(0);
        return first.start().isAfter(t) ? first.start() : first.end();
    }

    private static void requireWindow(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends " + to + " before it starts " + from);
        }
    }

    @Override
    public String toString() {
        return "ShiftCalendar[scope=" + scope + ", zone=" + zone + "]";
    }
}
