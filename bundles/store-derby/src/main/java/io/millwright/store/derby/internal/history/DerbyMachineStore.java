package io.millwright.store.derby.internal.history;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.StateChanged;
import io.millwright.api.store.DowntimeRecord;
import io.millwright.api.store.MachineBatch;
import io.millwright.api.store.MachineCheckpoint;
import io.millwright.api.store.MachineStore;
import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.PreparedStatements;
import io.millwright.store.derby.internal.SqlWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The durable {@link MachineStore}: machine history, checkpoints and the outbox in one Derby
 * database, each batch in one transaction that is committed (and synced to disk) before
 * {@link #append} returns. Appends run one at a time; queries run beside them.
 */
public class DerbyMachineStore implements MachineStore {

    private final DerbyDatabase database;
    private final Clock clock;
    private final AppendConnection appends;

    public DerbyMachineStore(DerbyDatabase database) {
        this(database, Clock.systemUTC());
    }

    /** {@code clock} stamps outbox entries with when they were stored, which retention ages them by. */
    public DerbyMachineStore(DerbyDatabase database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.appends = new AppendConnection(database);
    }

    @Override
    public void append(MachineBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        ReentrantLock lock = database.appendLock();
        lock.lock();
        try {
            BatchWriter.Written written = appends.inTransaction("appending " + batch.events().size()
                    + " events and " + batch.checkpoints().size() + " checkpoints", (connection, sql) ->
                    new BatchWriter(connection, sql, clock.millis()).write(batch, database.knownMachines()));
            database.knownMachines().addAll(written.machinesRegistered());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<MachineCheckpoint> checkpoint(String machineId) {
        return read("reading the checkpoint of machine " + machineId,
                sql -> CheckpointTable.read(sql, machineId));
    }

    @Override
    public List<StateChanged> stateChanges(String machineId, Instant from, Instant to) {
        return read("reading state changes of machine " + machineId,
                sql -> HistoryReader.stateChanges(sql, machineId, from, to));
    }

    @Override
    public List<DowntimeRecord> downtimes(String machineId, Instant from, Instant to) {
        return read("reading downtimes of machine " + machineId,
                sql -> HistoryReader.downtimes(sql, machineId, from, to));
    }

    @Override
    public Optional<DowntimeRecord> downtime(String downtimeId) {
        return read("reading downtime " + downtimeId, sql -> HistoryReader.downtime(sql, downtimeId));
    }

    @Override
    public List<CountRecorded> counts(String machineId, Instant from, Instant to) {
        return read("reading counts of machine " + machineId, sql -> HistoryReader.counts(sql, machineId, from, to));
    }

    /** Every reason the downtime was given, oldest first (not part of the store contract). */
    public List<ReasonChange> reasonHistory(String downtimeId) {
        return read("reading the reason history of downtime " + downtimeId,
                sql -> HistoryReader.reasonHistory(sql, downtimeId));
    }

    public DerbyDatabase database() {
        return database;
    }

    /** Releases the connection appends run on (the store is going away). */
    public void close() {
        ReentrantLock lock = database.appendLock();
        lock.lock();
        try {
            appends.close();
        } finally {
            lock.unlock();
        }
    }

    private <T> T read(String what, Query<T> query) {
        SqlWork<T> work = (Connection connection) -> {
            try (PreparedStatements sql = new PreparedStatements(connection)) {
                return query.run(sql);
            }
        };
        return database.inTransaction(what, work);
    }

    /** A read over the statements of one connection. */
    @FunctionalInterface
    private interface Query<T> {
        T run(PreparedStatements sql) throws SQLException;
    }
}
