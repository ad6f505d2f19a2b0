package io.millwright.api.machine;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stop ended. {@code minorStop} is true when it was shorter than the machine's micro-stop
 * threshold: it then counts as a performance loss, not an availability loss.
 */
public record DowntimeEnded(String machineId, Instant time, String downtimeId, MachineState state,
                            String reasonCode, Duration duration, boolean minorStop) implements MachineEvent {

    public static final String TOPIC = TOPIC_PREFIX + "downtime/end";

    public DowntimeEnded {
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(downtimeId, "downtimeId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("machine " + machineId + " downtime " + downtimeId
                    + " ends before it starts: " + duration);
        }
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String eventKey() {
        return machineId + ":downtime-end:" + downtimeId;
    }
}
