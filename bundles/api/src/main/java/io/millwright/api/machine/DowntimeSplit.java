package io.millwright.api.machine;

import java.time.Instant;
import java.util.Objects;

/**
 * A person split a downtime in two at {@code at}: the first part keeps {@code downtimeId}, the
 * second is {@code newDowntimeId} and starts with the same reason until one is set for it.
 * {@code time} is when the split was made. When the stop is still open, its later
 * {@link DowntimeEnded} (which names {@code downtimeId}) ends the last part.
 */
public record DowntimeSplit(String machineId, Instant time, String downtimeId, Instant at, String newDowntimeId,
                            String splitBy) implements MachineEvent {

    public static final String TOPIC = TOPIC_PREFIX + "downtime/split";

    public DowntimeSplit {
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(downtimeId, "downtimeId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(newDowntimeId, "newDowntimeId");
        Objects.requireNonNull(splitBy, "splitBy");
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String eventKey() {
        return machineId + ":split:" + downtimeId + ":" + newDowntimeId;
    }
}
