package io.millwright.api.machine;

import java.time.Instant;
import java.util.Objects;

/**
 * A stop began. {@code reasonCode} is set when a fault-code map gives it at once, otherwise
 * {@code null} until a person or rule sets it ({@link ReasonSet}).
 */
public record DowntimeStarted(String machineId, Instant time, String downtimeId, MachineState state,
                              String reasonCode) implements MachineEvent {

    public static final String TOPIC = TOPIC_PREFIX + "downtime/start";

    public DowntimeStarted {
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(downtimeId, "downtimeId");
        if (state == null || !state.isUnplannedStop() && state != MachineState.PLANNED_STOP) {
            throw new IllegalArgumentException("machine " + machineId + ": a downtime cannot be in state " + state);
        }
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String eventKey() {
        return machineId + ":downtime-start:" + downtimeId;
    }
}
