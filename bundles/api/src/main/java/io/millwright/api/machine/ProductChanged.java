package io.millwright.api.machine;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The product (or work order) a machine makes changed, and with it the ideal cycle time that
 * performance is measured against. {@code product} is empty when none is set.
 */
public record ProductChanged(String machineId, Instant time, String previousProduct, String product,
                             Duration idealCycleTime) implements MachineEvent {

    public static final String TOPIC = TOPIC_PREFIX + "product";

    public ProductChanged {
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(idealCycleTime, "idealCycleTime");
    }

    @Override
    public String topic() {
        return TOPIC;
    }
}
