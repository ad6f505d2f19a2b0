package io.millwright.api.quarantine;

import java.time.Instant;
import java.util.Objects;

/**
 * One quarantined payload.
 *
 * @param id      the quarantine's id for it, increasing
 * @param at      when it was quarantined
 * @param source  who received it: the driver's connection or device id ({@code mqtt:plant-broker})
 * @param topic   where it came from in the protocol's words (an MQTT topic, a node id)
 * @param reason  why it could not be used, naming the field or offset ({@code $.count: "12a" is not a number})
 * @param payload the bytes as received
 */
public record QuarantinedPayload(long id, Instant at, String source, String topic, String reason, byte[] payload) {

    public QuarantinedPayload {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(payload, "payload");
    }
}
