package io.millwright.store.derby.internal.retention;

import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.history.CountBlock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what a {@link RetentionPolicy} no longer keeps, a small batch per transaction so that
 * appends and readers wait for a few milliseconds at most. Outbox entries go only once every known
 * consumer has acknowledged them, and only from the oldest end; with no consumer known, none go.
 */
public final class RetentionPurger {

    public static final int DEFAULT_BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurger.class);

    private final DerbyDatabase database;
    private final Clock clock;
    private final int batchSize;

    public RetentionPurger(DerbyDatabase database, Clock clock) {
        this(database, clock, DEFAULT_BATCH);
    }

    public RetentionPurger(DerbyDatabase database, Clock clock, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("retention batch size must be at least 1, not " + batchSize);
        }
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.batchSize = batchSize;
    }

    /** Purges every class the policy limits; returns how many rows went, per class. */
    public Map<DataClass, Long> purge(RetentionPolicy policy) {
        Map<DataClass, Long> deleted = new EnumMap<>(DataClass.class);
        for (DataClass dataClass : DataClass.values()) {
            long rows = policy.keep(dataClass).map(keep -> purge(dataClass, clock.millis() - keep.toMillis()))
                    .orElse(0L);
            deleted.put(dataClass, rows);
        }
        LOG.info("Derby store at {}: retention purge deleted {}", database.location(), deleted);
        return Collections.unmodifiableMap(deleted);
    }

    private long purge(DataClass dataClass, long cutoff) {
        return switch (dataClass) {
            case STATE_CHANGES -> perMachine("state changes",
                    "SELECT id FROM state_change WHERE machine_id = ? AND t < ?", cutoff,
                    "DELETE FROM state_change WHERE id = ?");
            // an hour's block goes when its last bucket is older than the cutoff
            case COUNTS -> perMachine("count blocks",
                    "SELECT machine_id, hour_t FROM count_block WHERE machine_id = ? AND hour_t < ?",
                    cutoff - CountBlock.HOUR_MS + 1,
                    "DELETE FROM count_block WHERE machine_id = ? AND hour_t = ?")
                    + perMachine("product changes",
                    "SELECT id FROM product_change WHERE machine_id = ? AND t < ?", cutoff,
                    "DELETE FROM product_change WHERE id = ?");
            // a split link goes with its last part: while that is open, its end still names the first part
            case DOWNTIMES -> perMachine("downtimes",
                    "SELECT id FROM downtime WHERE machine_id = ? AND end_t < ?", cutoff,
                    "DELETE FROM downtime WHERE id = ?",
                    "DELETE FROM downtime_reason_history WHERE downtime_id = ?",
                    "DELETE FROM downtime_tail WHERE tail_id = ?");
            case EVENT_KEYS -> byKey("event keys", "SELECT event_key FROM event_key WHERE t < ?",
                    new Object[] {cutoff}, "DELETE FROM event_key WHERE event_key = ?");
            case DELIVERED_OUTBOX -> deliveredOutbox(cutoff);
            case TAG_HISTORY -> tagHistory(cutoff);
        };
    }

    /**
     * Series by series (a device's tag), along the (device_id, tag, t) index, the only one the table
     * has: the series are found by skipping through that index, one short seek each.
     */
    private long tagHistory(long cutoff) {
        long total = 0;
        for (Object[] series : database.inTransaction("listing tag history series", TagHistorySeries::all)) {
            total += byKey("tag history of " + series[0] + "/" + series[1],
                    "SELECT device_id, tag, t FROM tag_history WHERE device_id = ? AND tag = ? AND t < ?",
                    new Object[] {series[0], series[1], cutoff},
                    "DELETE FROM tag_history WHERE device_id = ? AND tag = ? AND t = ?");
        }
        return total;
    }

    /** What one purge transaction did: rows deleted, and whether another batch may find more. */
    private record Batch(int deleted, boolean more) {
    }

    /**
     * Machine by machine, from the machine registry, along each table's (machine, time) index: the
     * history tables have no index on time alone, which would cost every insert.
     */
    private long perMachine(String what, String selectKeys, long cutoff, String... deletes) {
        List<Object[]> machines = database.inTransaction("listing machines",
                connection -> keys(connection, "SELECT machine_id FROM machine"));
        long total = 0;
        for (Object[] machine : machines) {
            total += byKey(what + " of machine " + machine[0], selectKeys, new Object[] {machine[0], cutoff},
                    deletes);
        }
        return total;
    }

    /**
     * Selects up to a batch of keys with {@code parameters} and runs each delete for each key, one
     * transaction per batch, until a batch comes back short; the first delete's row count is reported.
     */
    private long byKey(String what, String selectKeys, Object[] parameters, String... deletes) {
        String select = selectKeys + " FETCH FIRST " + batchSize + " ROWS ONLY";
        long total = 0;
        Batch batch;
        do {
            batch = database.inTransaction("purging " + what, connection -> {
                List<Object[]> keys = keys(connection, select, parameters);
                int deleted = 0;
                for (int d = 0; d < deletes.length; d++) {
                    int n = deleteEach(connection, deletes[d], keys);
                    deleted = d == 0 ? n : deleted;
                }
                return new Batch(deleted, keys.size() == batchSize);
            });
            total += batch.deleted();
        } while (batch.more());
        return total;
    }

    private static List<Object[]> keys(Connection connection, String select, Object... parameters)
            throws SQLException {
        List<Object[]> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] key = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        key[c] = rs.getObject(c + 1);
                    }
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    private static int deleteEach(Connection connection, String delete, List<Object[]> keys) throws SQLException {
        if (keys.isEmpty()) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement(delete)) {
            for (Object[] key : keys) {
                for (int c = 0; c < key.length; c++) {
                    statement.setObject(c + 1, key[c]);
                }
                statement.addBatch();
            }
            int deleted = 0;
            for (int n : statement.executeBatch()) {
                deleted += Math.max(n, 0);
            }
            return deleted;
        }
    }

    /**
     * Deletes chunks from the oldest end while every entry in them is acknowledged by every known
     * consumer and they were stored before {@code cutoff}; stops at the first that is not, so the
     * outbox stays one unbroken run. Returns the number of entries deleted.
     */
    private long deliveredOutbox(long cutoff) {
        String select = "SELECT last_seq, first_seq, stored_at FROM outbox ORDER BY last_seq FETCH FIRST "
                + batchSize + " ROWS ONLY";
        long total = 0;
        Batch batch;
        do {
            batch = database.inTransaction("purging delivered outbox entries", connection -> {
                Long delivered = lowestCursor(connection);
                if (delivered == null) {
                    return new Batch(0, false);
                }
                List<Object[]> chunks = new ArrayList<>();
                int entries = 0;
                boolean blocked = false;
                try (PreparedStatement statement = connection.prepareStatement(select);
                     ResultSet rs = statement.executeQuery()) {
                    while (!blocked && rs.next()) {
                        blocked = rs.getLong(1) > delivered || rs.getLong(3) >= cutoff;
                        if (!blocked) {
                            chunks.add(new Object[] {rs.getLong(1)});
                            entries += (int) (rs.getLong(1) - rs.getLong(2) + 1);
                        }
                    }
                }
                deleteEach(connection, "DELETE FROM outbox WHERE last_seq = ?", chunks);
                return new Batch(entries, !blocked && chunks.size() == batchSize);
            });
            total += batch.deleted();
        } while (batch.more());
        return total;
    }

    /** The lowest acknowledged sequence over all consumers, or null when no consumer is known. */
    private static Long lowestCursor(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT MIN(seq) FROM outbox_cursor");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            long seq = rs.getLong(1);
            return rs.wasNull() ? null : seq;
        }
    }
}
