package io.millwright.api.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One event waiting to leave the platform. {@code sequence} orders the outbox and is what a
 * consumer acknowledges; {@code eventKey} is the stable idempotency key to hand to the far side;
 * {@code payload} is the event as JSON.
 */
public record OutboxEntry(long sequence, String eventKey, String topic, String machineId, Instant time,
                          String payload) {

    public OutboxEntry {
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(payload, "payload");
    }
}
