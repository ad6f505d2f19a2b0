package io.millwright.api.store;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.StateChanged;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Durable history of machine events, and the checkpoints the core resumes from. The core appends
 * in batches; everything appended is also what leaves the platform (the store feeds the outbox).
 * When several are registered the core uses the one with the highest service ranking.
 */
@ProviderType
public interface MachineStore {

    /**
     * Writes the batch in one transaction and returns once it is durable. Events already stored
     * (same {@link io.millwright.api.machine.MachineEvent#eventKey()}) are not stored twice.
     *
     * @throws MachineStoreException when it cannot; nothing of the batch is then stored
     */
    void append(MachineBatch batch);

    /** The latest checkpoint of a machine, if one was ever written. */
    Optional<MachineCheckpoint> checkpoint(String machineId);

    /** State changes in [from, to), oldest first, preceded by the last change before {@code from} if any. */
    List<StateChanged> stateChanges(String machineId, Instant from, Instant to);

    /** Downtimes overlapping [from, to), oldest first, open ones included. */
    List<DowntimeRecord> downtimes(String machineId, Instant from, Instant to);

    Optional<DowntimeRecord> downtime(String downtimeId);

    /** Count buckets starting in [from, to), oldest first. */
    List<CountRecorded> counts(String machineId, Instant from, Instant to);
}
