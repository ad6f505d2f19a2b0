package io.millwright.store.derby.internal.history;

import io.millwright.api.machine.MachineEvent;
import io.millwright.store.derby.internal.PreparedStatements;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Idempotency of every event but counts (see {@link CountWriter}): finds which keys of a batch were
 * stored before, and records the keys of the events it stores.
 */
final class EventKeys {

    /** Keys looked up per query; the last query of a batch is padded so that one statement serves all. */
    private static final int PROBE = 64;
    private static final String PROBE_SQL = "SELECT event_key FROM event_key WHERE event_key IN ("
            + String.join(", ", Collections.nCopies(PROBE, "?")) + ")";
    private static final String INSERT = "INSERT INTO event_key (event_key, t) VALUES (?, ?)";

    private final PreparedStatements sql;
    private int pending;

    EventKeys(PreparedStatements sql) {
        this.sql = sql;
    }

    /** Those of {@code keys} stored before. */
    Set<String> stored(List<String> keys) throws SQLException {
        Set<String> stored = new HashSet<>();
        if (keys.isEmpty()) {
            return stored;
        }
        PreparedStatement probe = sql.get(PROBE_SQL);
        for (int from = 0; from < keys.size(); from += PROBE) {
            for (int i = 0; i < PROBE; i++) {
                probe.setString(i + 1, keys.get(Math.min(from + i, keys.size() - 1)));
            }
            try (ResultSet rs = probe.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
        }
        return stored;
    }

    void add(String key, MachineEvent event) throws SQLException {
        PreparedStatement insert = sql.get(INSERT);
        insert.setString(1, key);
        insert.setLong(2, event.time().toEpochMilli());
        insert.addBatch();
        pending++;
    }

    void flush() throws SQLException {
        if (pending > 0) {
            sql.get(INSERT).executeBatch();
            pending = 0;
        }
    }
}
