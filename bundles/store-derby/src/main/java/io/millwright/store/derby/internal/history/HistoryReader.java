package io.millwright.store.derby.internal.history;

import static io.millwright.store.derby.internal.SqlValues.instant;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.MachineState;
import io.millwright.api.machine.StateChanged;
import io.millwright.api.store.DowntimeRecord;
import io.millwright.store.derby.internal.PreparedStatements;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The history queries, each a range scan of one index of one machine. */
final class HistoryReader {

    private static final String STATE_BEFORE = "SELECT t, state_from, state_to FROM state_change"
            + " WHERE machine_id = ? AND t < ? ORDER BY t DESC, id DESC FETCH FIRST ROW ONLY";
    private static final String STATES_IN = "SELECT t, state_from, state_to FROM state_change"
            + " WHERE machine_id = ? AND t >= ? AND t < ? ORDER BY t, id";
    private static final String DOWNTIME_COLUMNS = "SELECT id, machine_id, start_t, end_t, state, reason_code,"
            + " reason_set_by, reason_set_at, minor_stop FROM downtime";
    private static final String DOWNTIME_BY_ID = DOWNTIME_COLUMNS + " WHERE id = ?";
    private static final String DOWNTIMES_ENDED_AFTER = DOWNTIME_COLUMNS
            + " WHERE machine_id = ? AND end_t > ? AND start_t < ?";
    private static final String DOWNTIMES_OPEN = DOWNTIME_COLUMNS
            + " WHERE machine_id = ? AND end_t IS NULL AND start_t < ?";
    private static final String COUNT_BLOCKS_IN = "SELECT hour_t, buckets FROM count_block"
            + " WHERE machine_id = ? AND hour_t >= ? AND hour_t < ? ORDER BY hour_t";
    private static final String REASONS = "SELECT downtime_id, machine_id, set_at, set_by, reason_before,"
            + " reason_after FROM downtime_reason_history WHERE downtime_id = ? ORDER BY id";

    private HistoryReader() {
    }

    static List<StateChanged> stateChanges(PreparedStatements sql, String machineId, Instant from, Instant to)
            throws SQLException {
        List<StateChanged> result = new ArrayList<>();
        PreparedStatement before = sql.get(STATE_BEFORE);
        before.setString(1, machineId);
        before.setLong(2, from.toEpochMilli());
        readStates(before, machineId, result);
        PreparedStatement in = sql.get(STATES_IN);
        in.setString(1, machineId);
        in.setLong(2, from.toEpochMilli());
        in.setLong(3, to.toEpochMilli());
        readStates(in, machineId, result);
        return result;
    }

    private static void readStates(PreparedStatement query, String machineId, List<StateChanged> into)
            throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                String from = rs.getString(2);
                into.add(new StateChanged(machineId, Instant.ofEpochMilli(rs.getLong(1)),
                        from == null ? null : MachineState.valueOf(from), MachineState.valueOf(rs.getString(3))));
            }
        }
    }

    static List<DowntimeRecord> downtimes(PreparedStatements sql, String machineId, Instant from, Instant to)
            throws SQLException {
        List<DowntimeRecord> result = new ArrayList<>();
        PreparedStatement ended = sql.get(DOWNTIMES_ENDED_AFTER);
        ended.setString(1, machineId);
        ended.setLong(2, from.toEpochMilli());
        ended.setLong(3, to.toEpochMilli());
        readDowntimes(ended, result);
        PreparedStatement open = sql.get(DOWNTIMES_OPEN);
        open.setString(1, machineId);
        open.setLong(2, to.toEpochMilli());
        readDowntimes(open, result);
        result.sort(Comparator.comparing(DowntimeRecord::start).thenComparing(DowntimeRecord::id));
        return result;
    }

    static Optional<DowntimeRecord> downtime(PreparedStatements sql, String downtimeId) throws SQLException {
        PreparedStatement query = sql.get(DOWNTIME_BY_ID);
        query.setString(1, downtimeId);
        List<DowntimeRecord> result = new ArrayList<>(1);
        readDowntimes(query, result);
        return result.stream().findFirst();
    }

    private static void readDowntimes(PreparedStatement query, List<DowntimeRecord> into) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                into.add(new DowntimeRecord(rs.getString("id"), rs.getString("machine_id"), instant(rs, "start_t"),
                        instant(rs, "end_t"), MachineState.valueOf(rs.getString("state")),
                        rs.getString("reason_code"), rs.getString("reason_set_by"), instant(rs, "reason_set_at"),
                        rs.getBoolean("minor_stop")));
            }
        }
    }

    static List<CountRecorded> counts(PreparedStatements sql, String machineId, Instant from, Instant to)
            throws SQLException {
        long fromMs = from.toEpochMilli();
        long toMs = to.toEpochMilli();
        PreparedStatement query = sql.get(COUNT_BLOCKS_IN);
        query.setString(1, machineId);
        query.setLong(2, CountBlock.hourOf(fromMs));
        query.setLong(3, toMs);
        List<CountRecorded> result = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                for (CountRecorded bucket : CountBlock.decode(machineId, rs.getLong(1), rs.getBytes(2))) {
                    long t = bucket.time().toEpochMilli();
                    if (t >= fromMs && t < toMs) {
                        result.add(bucket);
                    }
                }
            }
        }
        return result;
    }

    static List<ReasonChange> reasonHistory(PreparedStatements sql, String downtimeId) throws SQLException {
        PreparedStatement query = sql.get(REASONS);
        query.setString(1, downtimeId);
        List<ReasonChange> result = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                result.add(new ReasonChange(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6)));
            }
        }
        return result;
    }
}
