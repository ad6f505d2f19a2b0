package io.millwright.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open span [start, end) in which the calendar plans no production, with its reason:
 * {@code break}, {@code holiday}, {@code maintenance} or {@code no shift}; a stop merged from
 * several causes lists their reasons in order of first appearance, joined by {@code ", "}.
 */
public record PlannedStop(Instant start, Instant end, String reason) {

    public static final String BREAK = "break";
    public static final String HOLIDAY = "holiday";
    public static final String MAINTENANCE = "maintenance";
    public static final String NO_SHIFT = "no shift";

    public PlannedStop {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(reason, "reason");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("planned stop (" + reason + "): end " + end
                    + " is not after start " + start);
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** Whether {@code reason} is one of the reasons of this stop. */
    public boolean hasReason(String reason) {
        for (String r : this.reason.split(", ")) {
            if (r.equals(reason)) {
                return true;
            }
        }
        return false;
    }
}
