package io.millwright.store.derby.internal.history;

import io.millwright.api.machine.CountRecorded;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Schema 3's data step: packs the one-row-per-bucket {@code count_bucket} table of schemas 1 and 2
 * into hourly {@link CountBlock}s, then drops it.
 */
public final class CountBucketPacker {

    private static final String READ = "SELECT machine_id, t, product, total, rejects, ideal_cycle_ns"
            + " FROM count_bucket ORDER BY machine_id, t, product";
    private static final String INSERT = "INSERT INTO count_block (machine_id, hour_t, buckets) VALUES (?, ?, ?)";

    private CountBucketPacker() {
    }

    /** Returns how many buckets were packed. */
    public static long pack(Connection connection) throws SQLException {
        long packed = 0;
        try (Statement read = connection.createStatement(); ResultSet rs = read.executeQuery(READ);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            String machine = null;
            long hour = Long.MIN_VALUE;
            List<CountRecorded> block = new ArrayList<>();
            while (rs.next()) {
                String m = rs.getString(1);
                long t = rs.getLong(2);
                if (!m.equals(machine) || CountBlock.hourOf(t) != hour) {
                    write(insert, machine, hour, block);
                    machine = m;
                    hour = CountBlock.hourOf(t);
                }
                block.add(new CountRecorded(m, Instant.ofEpochMilli(t), rs.getLong(4), rs.getLong(5),
                        rs.getString(3), Duration.ofNanos(rs.getLong(6))));
                packed++;
            }
            write(insert, machine, hour, block);
            insert.executeBatch();
        }
        try (Statement drop = connection.createStatement()) {
            drop.execute("DROP TABLE count_bucket");
        }
        return packed;
    }

    private static void write(PreparedStatement insert, String machine, long hour, List<CountRecorded> block)
            throws SQLException {
        if (block.isEmpty()) {
            return;
        }
        insert.setString(1, machine);
        insert.setLong(2, hour);
        insert.setBytes(3, CountBlock.encode(machine, hour, block));
        insert.addBatch();
        block.clear();
    }
}
