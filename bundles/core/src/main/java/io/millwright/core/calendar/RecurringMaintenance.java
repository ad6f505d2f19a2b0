package io.millwright.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A maintenance window that recurs daily, weekly or monthly at fixed wall-clock times. */
record RecurringMaintenance(Recurrence recurrence, ClockRange times) implements MaintenanceWindow {

    @Override
    public List<Interval> occurrences(Instant from, Instant to, ZoneId zone) {
        List<Interval> found = new ArrayList<>();
        // Start a day early: a window crossing midnight reaches into the first day.
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate d = LocalDate.ofInstant(from, zone).minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            if (recurrence.occursOn(d)) {
                Interval occurrence = times.on(d, zone);
                if (!occurrence.isEmpty() && occurrence.overlaps(from, to)) {
                    found.add(occurrence);
                }
            }
        }
        return found;
    }
}
