package io.millwright.store.derby.internal.history;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.DowntimeEnded;
import io.millwright.api.machine.DowntimeSplit;
import io.millwright.api.machine.DowntimeStarted;
import io.millwright.api.machine.MachineEvent;
import io.millwright.api.machine.ProductChanged;
import io.millwright.api.machine.ReasonSet;
import io.millwright.api.machine.StateChanged;
import io.millwright.api.store.MachineBatch;
import io.millwright.api.store.MachineCheckpoint;
import io.millwright.store.derby.internal.PreparedStatements;
import io.millwright.store.derby.internal.SqlValues;
import io.millwright.store.derby.internal.outbox.OutboxWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one batch inside the caller's transaction: the events' idempotency keys, each event not
 * stored before into its history table, then the new ones, in batch order, into the outbox, then the
 * checkpoints. Inserts go out as JDBC batches; the downtime events, which read and update rows, run
 * one by one as they come.
 */
final class BatchWriter {

    /** Rows held in each JDBC batch before it is sent, so a large backlog does not pile up in memory. */
    private static final int FLUSH_EVERY = 1_000;
    private static final String INSERT_STATE = "INSERT INTO state_change (machine_id, t, state_from, state_to)"
            + " VALUES (?, ?, ?, ?)";
    private static final String INSERT_PRODUCT = "INSERT INTO product_change (machine_id, t, previous_product,"
            + " product, ideal_cycle_ns) VALUES (?, ?, ?, ?, ?)";

    private final Connection connection;
    private final PreparedStatements sql;
    private final long storedAt;
    private final EventKeys keys;
    private final CountWriter counts;
    private final DowntimeLedger downtimes;
    private int states;
    private int products;

    /** What a batch wrote: how many events were new, and which machines were registered on the way. */
    record Written(int events, Set<String> machinesRegistered) {
    }

    BatchWriter(Connection connection, PreparedStatements sql, long storedAt) {
        this.connection = connection;
        this.sql = sql;
        this.storedAt = storedAt;
        this.keys = new EventKeys(sql);
        this.counts = new CountWriter(sql);
        this.downtimes = new DowntimeLedger(sql);
    }

    Written write(MachineBatch batch, Set<String> knownMachines) throws SQLException {
        Map<String, MachineEvent> unique = new LinkedHashMap<>();
        Set<String> machines = new HashSet<>();
        for (MachineEvent event : batch.events()) {
            unique.putIfAbsent(event.eventKey(), event);
            machines.add(event.machineId());
        }
        batch.checkpoints().forEach(c -> machines.add(c.machineId()));
        Set<String> registered = MachineRegistry.register(sql, machines, knownMachines, storedAt);

        Set<String> storedKeys = keys.record(unique.entrySet().stream()
                .filter(e -> !(e.getValue() instanceof CountRecorded)).toList());
        int applied = 0;
        for (Map.Entry<String, MachineEvent> entry : unique.entrySet()) {
            MachineEvent event = entry.getValue();
            if (event instanceof CountRecorded count) {
                counts.add(count);
            } else if (!storedKeys.contains(entry.getKey())) {
                apply(event);
            }
            if (++applied % FLUSH_EVERY == 0) {
                flush();
            }
        }
        flush();

        List<MachineEvent> fresh = new ArrayList<>(unique.size());
        for (Map.Entry<String, MachineEvent> entry : unique.entrySet()) {
            MachineEvent event = entry.getValue();
            boolean storedBefore = event instanceof CountRecorded count
                    ? counts.wasStoredBefore(count) : storedKeys.contains(entry.getKey());
            if (!storedBefore) {
                fresh.add(event);
            }
        }
        OutboxWriter.write(sql, fresh, storedAt);
        for (MachineCheckpoint checkpoint : batch.checkpoints()) {
            CheckpointTable.write(sql, checkpoint);
        }
        return new Written(fresh.size(), registered);
    }

    private void apply(MachineEvent event) throws SQLException {
        if (event instanceof StateChanged change) {
            PreparedStatement insert = sql.get(INSERT_STATE);
            insert.setString(1, change.machineId());
            insert.setLong(2, change.time().toEpochMilli());
            SqlValues.setNullableString(insert, 3, change.previous() == null ? null : change.previous().name());
            insert.setString(4, change.current().name());
            insert.addBatch();
            states++;
        } else if (event instanceof ProductChanged change) {
            PreparedStatement insert = sql.get(INSERT_PRODUCT);
            insert.setString(1, change.machineId());
            insert.setLong(2, change.time().toEpochMilli());
            SqlValues.setNullableString(insert, 3, change.previousProduct());
            insert.setString(4, change.product());
            insert.setLong(5, change.idealCycleTime().toNanos());
            insert.addBatch();
            products++;
        } else if (event instanceof DowntimeStarted start) {
            downtimes.start(start);
        } else if (event instanceof DowntimeEnded end) {
            downtimes.end(end);
        } else if (event instanceof ReasonSet reason) {
            downtimes.reason(reason);
        } else if (event instanceof DowntimeSplit split) {
            downtimes.split(split);
        }
        // any other event type has no history table: it is kept in the outbox only
    }

    private void flush() throws SQLException {
        counts.flush();
        if (states > 0) {
            sql.get(INSERT_STATE).executeBatch();
            states = 0;
        }
        if (products > 0) {
            sql.get(INSERT_PRODUCT).executeBatch();
            products = 0;
        }
    }
}
