package io.millwright.api.machine;

import java.time.Instant;
import java.util.Objects;

/**
 * A downtime's reason was set or corrected. {@code setBy} is the user, or {@code rule:<name>}
 * for an automatic assignment; {@code time} is when it was set, not when the stop happened.
 */
public record ReasonSet(String machineId, Instant time, String downtimeId, String previousReasonCode,
                        String reasonCode, String setBy) implements MachineEvent {

    public static final String TOPIC = TOPIC_PREFIX + "downtime/reason";

    public ReasonSet {
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(downtimeId, "downtimeId");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(setBy, "setBy");
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String eventKey() {
        return machineId + ":reason:" + downtimeId + ":" + time.toEpochMilli();
    }
}
