package io.millwright.api.machine;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Parts counted in one bucket (a minute by default) starting at {@code time}: {@code total}
 * includes {@code rejects}. Counts are increments derived from cumulative counters, already
 * corrected for rollover and reset. {@code product} and {@code idealCycleTime} are those in force
 * while the parts were made ({@code product} is empty when none is set), so that performance can
 * be computed for any window afterwards.
 */
public record CountRecorded(String machineId, Instant time, long total, long rejects, String product,
                            Duration idealCycleTime) implements MachineEvent {

    public static final String TOPIC = TOPIC_PREFIX + "count";

    public CountRecorded {
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(idealCycleTime, "idealCycleTime");
        if (total < 0 || rejects < 0 || rejects > total) {
            throw new IllegalArgumentException("machine " + machineId + ": invalid count total="
                    + total + " rejects=" + rejects);
        }
    }

    public long good() {
        return total - rejects;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String eventKey() {
        return machineId + ":count:" + time.toEpochMilli() + ":" + product;
    }
}
