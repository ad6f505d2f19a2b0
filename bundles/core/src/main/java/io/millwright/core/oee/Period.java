package io.millwright.core.oee;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open span of time [start, end), such as a planned stop taken from the shift calendar. */
public record Period(Instant start, Instant end) {

    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period [" + start + ", " + end + "): end is before start");
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean isEmpty() {
        return start.equals(end);
    }
}
