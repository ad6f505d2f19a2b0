package io.millwright.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Lays out the planned stops of a window: gaps between shifts, holidays, breaks and maintenance, merged. */
final class StopTimeline {

    private final ShiftSchedule schedule;
    private final List<MaintenanceWindow> maintenance;
    private final ZoneId zone;

    StopTimeline(ShiftSchedule schedule, List<MaintenanceWindow> maintenance, ZoneId zone) {
        this.schedule = schedule;
        this.maintenance = List.copyOf(maintenance);
        this.zone = zone;
    }

    /** Planned stops in [from, to): clipped to the window, overlapping or touching stops merged, sorted. */
    List<PlannedStop> between(Instant from, Instant to) {
        List<PlannedStop> raw = new ArrayList<>();
        List<ScheduledShift> shifts = schedule.overlapping(from, to);
        Instant cursor = from;
        for (ScheduledShift shift : shifts) {
            if (shift.instance().start().isAfter(cursor)) {
                addGap(raw, cursor, shift.instance().start());
            }
            if (shift.instance().end().isAfter(cursor)) {
                cursor = shift.instance().end();
            }
            for (Interval b : shift.breaks()) {
                add(raw, b.clip(from, to), PlannedStop.BREAK);
            }
        }
        if (cursor.isBefore(to)) {
            addGap(raw, cursor, to);
        }
        for (MaintenanceWindow window : maintenance) {
            for (Interval occurrence : window.occurrences(from, to, zone)) {
                add(raw, occurrence.clip(from, to), PlannedStop.MAINTENANCE);
            }
        }
        return merge(raw);
    }

    boolean inMaintenance(Instant t) {
        Instant justAfter = t.plusNanos(1);
        for (MaintenanceWindow window : maintenance) {
            for (Interval occurrence : window.occurrences(t, justAfter, zone)) {
                if (occurrence.contains(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A gap between shifts is a holiday where it falls on a holiday's local date, else "no shift". */
    private void addGap(List<PlannedStop> raw, Instant from, Instant to) {
        Instant cursor = from;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate d = LocalDate.ofInstant(from, zone); !d.isAfter(last); d = d.plusDays(1)) {
            if (!schedule.isHoliday(d)) {
                continue;
            }
            Interval day = new Interval(d.atStartOfDay(zone).toInstant(),
                    d.plusDays(1).atStartOfDay(zone).toInstant()).clip(from, to);
            if (day.isEmpty()) {
                continue;
            }
            add(raw, new Interval(cursor, day.start()), PlannedStop.NO_SHIFT);
            add(raw, day, PlannedStop.HOLIDAY);
            cursor = day.end();
        }
        add(raw, new Interval(cursor, to), PlannedStop.NO_SHIFT);
    }

    private static void add(List<PlannedStop> raw, Interval span, String reason) {
        if (!span.isEmpty()) {
            raw.add(new PlannedStop(span.start(), span.end(), reason));
        }
    }

    private static List<PlannedStop> merge(List<PlannedStop> raw) {
        raw.sort(Comparator.comparing(PlannedStop::start));
        List<PlannedStop> merged = new ArrayList<>();
        Instant start = null;
        Instant end = null;
        Set<String> reasons = new LinkedHashSet<>();
        for (PlannedStop stop : raw) {
            if (end != null && !stop.start().isAfter(end)) {
                if (stop.end().isAfter(end)) {
                    end = stop.end();
                }
                reasons.add(stop.reason());
                continue;
            }
            if (end != null) {
                merged.add(new PlannedStop(start, end, String.join(", ", reasons)));
            }
            start = stop.start();
            end = stop.end();
            reasons = new LinkedHashSet<>();
            reasons.add(stop.reason());
        }
        if (end != null) {
            merged.add(new PlannedStop(start, end, String.join(", ", reasons)));
        }
        return List.copyOf(merged);
    }
}
