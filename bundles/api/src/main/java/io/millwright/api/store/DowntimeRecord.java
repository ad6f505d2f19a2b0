package io.millwright.api.store;

import io.millwright.api.machine.MachineState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stop as the store keeps it: from the downtime events, with the latest reason. {@code end} is
 * {@code null} while the stop lasts; {@code reasonCode}, {@code reasonSetBy} and
 * {@code reasonSetAt} are {@code null} until a reason is set.
 */
public record DowntimeRecord(String id, String machineId, Instant start, Instant end, MachineState state,
                             String reasonCode, String reasonSetBy, Instant reasonSetAt, boolean minorStop) {

    public DowntimeRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(state, "state");
    }

    public boolean isOpen() {
        return end == null;
    }

    /** How long it lasted, or has lasted until {@code now} while open. */
    public Duration duration(Instant now) {
        return Duration.between(start, end == null ? now : end);
    }

    public DowntimeRecord withEnd(Instant newEnd, boolean minor) {
        return new DowntimeRecord(id, machineId, start, newEnd, state, reasonCode, reasonSetBy, reasonSetAt, minor);
    }

    public DowntimeRecord withReason(String code, String setBy, Instant setAt) {
        return new DowntimeRecord(id, machineId, start, end, state, code, setBy, setAt, minorStop);
    }
}
