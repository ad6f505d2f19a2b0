package io.millwright.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One occurrence of a shift: its name, the local date it starts on (a night shift belongs to the
 * day it starts), and its half-open span [start, end) in real time.
 */
public record ShiftInstance(String name, LocalDate date, Instant start, Instant end) {

    public ShiftInstance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("shift " + name + " on " + date + ": end " + end
                    + " is not after start " + start);
        }
    }

    /** Real length, so 7 h or 9 h for a 22:00-06:00 shift on a DST night. */
    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
