package io.millwright.store.derby.internal.history;

import io.millwright.api.machine.CountRecorded;
import io.millwright.store.derby.internal.PreparedStatements;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges a batch's count buckets into their machines' hourly {@link CountBlock}s: one read and one
 * write per machine and hour the batch touches. A bucket's slot (machine, time, product) is its
 * event key, so a bucket whose slot is filled already was stored before and is left as it was.
 */
final class CountWriter {

    private static final String SELECT = "SELECT buckets FROM count_block WHERE machine_id = ? AND hour_t = ?";
    private static final String INSERT = "INSERT INTO count_block (machine_id, hour_t, buckets) VALUES (?, ?, ?)";
    private static final String UPDATE = "UPDATE count_block SET buckets = ? WHERE machine_id = ? AND hour_t = ?";

    private final PreparedStatements sql;
    private final Map<BlockKey, Map<CountBlock.Slot, CountRecorded>> pending = new LinkedHashMap<>();
    private final Set<CountRecorded> duplicates = Collections.newSetFromMap(new IdentityHashMap<>());

    private record BlockKey(String machineId, long hour) {
    }

    CountWriter(PreparedStatements sql) {
        this.sql = sql;
    }

    void add(CountRecorded count) {
        BlockKey key = new BlockKey(count.machineId(), CountBlock.hourOf(count.time().toEpochMilli()));
        pending.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(CountBlock.Slot.of(count), count);
    }

    /** Whether this bucket (this very event) turned out to be stored already. */
    boolean wasStoredBefore(CountRecorded count) {
        return duplicates.contains(count);
    }

    void flush() throws SQLException {
        for (Map.Entry<BlockKey, Map<CountBlock.Slot, CountRecorded>> entry : pending.entrySet()) {
            merge(entry.getKey(), entry.getValue());
        }
        pending.clear();
    }

    private void merge(BlockKey key, Map<CountBlock.Slot, CountRecorded> fresh) throws SQLException {
        TreeMap<CountBlock.Slot, CountRecorded> block = new TreeMap<>();
        boolean exists = false;
        PreparedStatement select = sql.get(SELECT);
        select.setString(1, key.machineId());
        select.setLong(2, key.hour());
        try (ResultSet rs = select.executeQuery()) {
            if (rs.next()) {
                exists = true;
                for (CountRecorded stored : CountBlock.decode(key.machineId(), key.hour(), rs.getBytes(1))) {
                    block.put(CountBlock.Slot.of(stored), stored);
                }
            }
        }
        int added = 0;
        for (Map.Entry<CountBlock.Slot, CountRecorded> bucket : fresh.entrySet()) {
            if (block.putIfAbsent(bucket.getKey(), bucket.getValue()) == null) {
                added++;
            } else {
                duplicates.add(bucket.getValue());
            }
        }
        if (added == 0) {
            return;
        }
        byte[] packed = CountBlock.encode(key.machineId(), key.hour(), block.values());
        PreparedStatement write = sql.get(exists ? UPDATE : INSERT);
        if (exists) {
            write.setBytes(1, packed);
            write.setString(2, key.machineId());
            write.setLong(3, key.hour());
        } else {
            write.setString(1, key.machineId());
            write.setLong(2, key.hour());
            write.setBytes(3, packed);
        }
        if (write.executeUpdate() != 1) {
            throw new SQLException("count block of machine " + key.machineId() + " for hour " + key.hour()
                    + " was not written", "XJMW2");
        }
    }
}
