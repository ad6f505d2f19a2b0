package io.millwright.store.derby.internal.history;

import io.millwright.store.derby.internal.PreparedStatements;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code machine} table: every machine the store has seen, so that retention can walk the count
 * buckets machine by machine along their primary key instead of keeping a second index on them.
 */
final class MachineRegistry {

    private static final String EXISTS = "SELECT 1 FROM machine WHERE machine_id = ?";
    private static final String INSERT = "INSERT INTO machine (machine_id, first_seen) VALUES (?, ?)";

    private MachineRegistry() {
    }

    /**
     * Registers those of {@code machineIds} not in {@code known} and returns them; the caller adds
     * them to {@code known} once the transaction has committed.
     */
    static Set<String> register(PreparedStatements sql, Set<String> machineIds, Set<String> known, long now)
            throws SQLException {
        Set<String> checked = new HashSet<>();
        for (String machineId : machineIds) {
            if (known.contains(machineId)) {
                continue;
            }
            PreparedStatement exists = sql.get(EXISTS);
            exists.setString(1, machineId);
            boolean present;
            try (ResultSet rs = exists.executeQuery()) {
                present = rs.next();
            }
            if (!present) {
                PreparedStatement insert = sql.get(INSERT);
                insert.setString(1, machineId);
                insert.setLong(2, now);
                insert.executeUpdate();
            }
            checked.add(machineId);
        }
        return checked;
    }
}
