package io.millwright.simulator.mqtt.internal;

import io.millwright.api.simulation.MachineSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A machine's JSON message: one flat object, {@code ts} (the snapshot's epoch ms) and then every
 * {@link MachineMetric} by its JSON key. Written by hand: the values are numbers, booleans and
 * enum names, which need no escaping.
 */
final class JsonMessage {

    private JsonMessage() {
    }

    static byte[] of(MachineSnapshot snapshot, Map<MachineMetric, Object> values) {
        StringBuilder out = new StringBuilder(200).append("{\"ts\":").append(snapshot.timeMillis());
        values.forEach((metric, value) -> {
            out.append(",\"").append(metric.jsonKey()).append("\":");
            if (value instanceof String text) {
                out.append('"').append(text).append('"');
            } else if (value instanceof Double d && !Double.isFinite(d)) {
                out.append("null"); // JSON has no NaN or Infinity
            } else {
                out.append(value);
            }
        });
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }
}
