package io.millwright.store.derby.internal.history;

import static io.millwright.store.derby.internal.SqlValues.setNullableString;

import io.millwright.api.machine.MachineState;
import io.millwright.api.store.MachineCheckpoint;
import io.millwright.store.derby.internal.PreparedStatements;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Each machine's latest checkpoint, one row, with its counter baselines in a row per counter. */
final class CheckpointTable {

    private static final String UPDATE = "UPDATE machine_checkpoint SET t = ?, state = ?, state_since = ?,"
            + " open_downtime_id = ?, product = ?, ideal_cycle_ns = ? WHERE machine_id = ?";
    private static final String INSERT = "INSERT INTO machine_checkpoint (t, state, state_since, open_downtime_id,"
            + " product, ideal_cycle_ns, machine_id) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE_COUNTERS = "DELETE FROM checkpoint_counter WHERE machine_id = ?";
    private static final String INSERT_COUNTER = "INSERT INTO checkpoint_counter (machine_id, counter, baseline)"
            + " VALUES (?, ?, ?)";
    private static final String SELECT = "SELECT t, state, state_since, open_downtime_id, product, ideal_cycle_ns"
            + " FROM machine_checkpoint WHERE machine_id = ?";
    private static final String SELECT_COUNTERS = "SELECT counter, baseline FROM checkpoint_counter"
            + " WHERE machine_id = ?";

    private CheckpointTable() {
    }

    /** Replaces the machine's checkpoint (appends run one at a time, so update-then-insert cannot race). */
    static void write(PreparedStatements sql, MachineCheckpoint checkpoint) throws SQLException {
        PreparedStatement update = sql.get(UPDATE);
        bind(update, checkpoint);
        if (update.executeUpdate() == 0) {
            PreparedStatement insert = sql.get(INSERT);
            bind(insert, checkpoint);
            insert.executeUpdate();
        }
        PreparedStatement delete = sql.get(DELETE_COUNTERS);
        delete.setString(1, checkpoint.machineId());
        delete.executeUpdate();
        if (!checkpoint.counterBaselines().isEmpty()) {
            PreparedStatement insert = sql.get(INSERT_COUNTER);
            for (Map.Entry<String, Long> counter : checkpoint.counterBaselines().entrySet()) {
                insert.setString(1, checkpoint.machineId());
                insert.setString(2, counter.getKey());
                insert.setLong(3, counter.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, MachineCheckpoint checkpoint) throws SQLException {
        statement.setLong(1, checkpoint.time().toEpochMilli());
        statement.setString(2, checkpoint.state().name());
        statement.setLong(3, checkpoint.stateSince().toEpochMilli());
        setNullableString(statement, 4, checkpoint.openDowntimeId());
        statement.setString(5, checkpoint.product());
        statement.setLong(6, checkpoint.idealCycleTime().toNanos());
        statement.setString(7, checkpoint.machineId());
    }

    static Optional<MachineCheckpoint> read(PreparedStatements sql, String machineId) throws SQLException {
        PreparedStatement select = sql.get(SELECT);
        select.setString(1, machineId);
        try (ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new MachineCheckpoint(machineId, Instant.ofEpochMilli(rs.getLong(1)),
                    MachineState.valueOf(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4),
                    counters(sql, machineId), rs.getString(5), Duration.ofNanos(rs.getLong(6))));
        }
    }

    private static Map<String, Long> counters(PreparedStatements sql, String machineId) throws SQLException {
        PreparedStatement select = sql.get(SELECT_COUNTERS);
        select.setString(1, machineId);
        Map<String, Long> counters = new HashMap<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                counters.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counters;
    }
}
