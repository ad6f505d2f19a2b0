package io.millwright.api.store;

import io.millwright.api.machine.MachineState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the core needs to resume a machine after a restart or a bundle update without losing or
 * doubling a count: its state and since when, the open downtime, the last raw value of each
 * cumulative counter ({@code "total"}, {@code "reject"}, {@code "good"}), and the product in force.
 * {@code openDowntimeId} is {@code null} when no stop is open.
 */
public record MachineCheckpoint(String machineId, Instant time, MachineState state, Instant stateSince,
                                String openDowntimeId, Map<String, Long> counterBaselines, String product,
                                Duration idealCycleTime) {

    public MachineCheckpoint {
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateSince, "stateSince");
        counterBaselines = Map.copyOf(counterBaselines);
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(idealCycleTime, "idealCycleTime");
    }
}
