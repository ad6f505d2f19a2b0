package io.millwright.core.oee;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Parts counted in one bucket at {@code time}: {@code total} includes {@code rejects}, made at
 * {@code idealCycleTime} per part; {@code startup} marks rejects made while starting up after a stop.
 */
public record CountSample(Instant time, long total, long rejects, Duration idealCycleTime, boolean startup) {

    public CountSample {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(idealCycleTime, "idealCycleTime");
        if (total < 0 || rejects < 0 || rejects > total) {
            throw new IllegalArgumentException("count sample at " + time + ": invalid count total="
                    + total + " rejects=" + rejects + " (need 0 <= rejects <= total)");
        }
        if (idealCycleTime.isNegative()) {
            throw new IllegalArgumentException("count sample at " + time + ": idealCycleTime "
                    + idealCycleTime + " is negative");
        }
    }

    public long good() {
        return total - rejects;
    }

    /** The time these parts would have taken at the ideal cycle time. */
    public Duration idealTime() {
        return idealCycleTime.multipliedBy(total);
    }

    /** The ideal time spent making the rejected parts. */
    public Duration rejectTime() {
        return idealCycleTime.multipliedBy(rejects);
    }
}
