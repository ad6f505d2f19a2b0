package io.millwright.core.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** A maintenance window given by local start and end date-times. */
record OneOffMaintenance(LocalDateTime start, LocalDateTime end) implements MaintenanceWindow {

    @Override
    public List<Interval> occurrences(Instant from, Instant to, ZoneId zone) {
        Instant s = ZonedDateTime.of(start, zone).toInstant();
        Instant e = ZonedDateTime.of(end, zone).toInstant();
        Interval window = new Interval(s, e.isBefore(s) ? s : e);
        return !window.isEmpty() && window.overlaps(from, to) ? List.of(window) : List.of();
    }
}
