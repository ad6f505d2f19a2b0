package io.millwright.core.calendar;

import java.time.Instant;
import java.util.Objects;

/** A half-open span of time [start, end). */
record Interval(Instant start, Instant end) {

    Interval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("interval ends " + end + " before it starts " + start);
        }
    }

    boolean isEmpty() {
        return !start.isBefore(end);
    }

    boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }

    /** This interval cut to [from, to); empty when they do not overlap. */
    Interval clip(Instant from, Instant to) {
        Instant s = start.isBefore(from) ? from : start;
        Instant e = end.isAfter(to) ? to : end;
        return e.isBefore(s) ? new Interval(s, s) : new Interval(s, e);
    }
}
