package io.millwright.store.derby.internal.history;

import io.millwright.api.machine.CountRecorded;
import io.millwright.store.derby.internal.PreparedStatements;
import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Inserts count buckets as JDBC batches. A bucket's primary key (machine, start, product) is its
 * event key, so a bucket stored before is found by the insert itself: Derby refuses that one row,
 * undoes only it, and the rest of the batch is sent again.
 */
final class CountWriter {

    private static final String DUPLICATE_KEY = "23505";
    private static final String INSERT = "INSERT INTO count_bucket (machine_id, t, product, total, rejects,"
            + " ideal_cycle_ns) VALUES (?, ?, ?, ?, ?, ?)";

    private final PreparedStatements sql;
    private final List<CountRecorded> pending = new ArrayList<>();
    private final Set<CountRecorded> duplicates = Collections.newSetFromMap(new IdentityHashMap<>());

    CountWriter(PreparedStatements sql) {
        this.sql = sql;
    }

    void add(CountRecorded count) {
        pending.add(count);
    }

    /** Whether this bucket (this very event) turned out to be stored already. */
    boolean wasStoredBefore(CountRecorded count) {
        return duplicates.contains(count);
    }

    void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        PreparedStatement insert = sql.get(INSERT);
        int from = 0;
        while (from < pending.size()) {
            for (CountRecorded count : pending.subList(from, pending.size())) {
                insert.setString(1, count.machineId());
                insert.setLong(2, count.time().toEpochMilli());
                insert.setString(3, count.product());
                insert.setLong(4, count.total());
                insert.setLong(5, count.rejects());
                insert.setLong(6, count.idealCycleTime().toNanos());
                insert.addBatch();
            }
            try {
                insert.executeBatch();
                from = pending.size();
            } catch (BatchUpdateException e) {
                insert.clearBatch();
                if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
                // the rows before the refused one are in; go on after it
                int refused = from + e.getUpdateCounts().length;
                duplicates.add(pending.get(refused));
                from = refused + 1;
            }
        }
        pending.clear();
    }
}
