package io.millwright.api.machine;

import java.time.Instant;
import java.util.Objects;

/**
 * Parts counted since the previous count event: {@code total} includes {@code rejects}. Counts
 * are increments derived from cumulative counters, already corrected for rollover and reset.
 */
public record CountRecorded(String machineId, Instant time, long total, long rejects) implements MachineEvent {

    public static final String TOPIC = TOPIC_PREFIX + "count";

    public CountRecorded {
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(time, "time");
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
}
