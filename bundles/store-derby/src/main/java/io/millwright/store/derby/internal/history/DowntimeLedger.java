package io.millwright.store.derby.internal.history;

import static io.millwright.store.derby.internal.SqlValues.setNullableMillis;
import static io.millwright.store.derby.internal.SqlValues.setNullableString;

import io.millwright.api.machine.DowntimeEnded;
import io.millwright.api.machine.DowntimeSplit;
import io.millwright.api.machine.DowntimeStarted;
import io.millwright.api.machine.ReasonSet;
import io.millwright.api.store.DowntimeRecord;
import io.millwright.store.derby.internal.PreparedStatements;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies the downtime events to the {@code downtime} rows inside an append's transaction, exactly as
 * the in-memory store does: a start opens a record, an end closes it (or the last part of a split
 * open stop), a reason is set and kept in the reason history, a split cuts a record in two.
 */
final class DowntimeLedger {

    /** Who set a reason that came with the stop's fault code. */
    static final String FAULT_CODE_RULE = "rule:fault-code";
    private static final String DUPLICATE_KEY = "23505";

    private static final String INSERT = "INSERT INTO downtime (id, machine_id, start_t, end_t, state, reason_code,"
            + " reason_set_by, reason_set_at, minor_stop, split_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String REPLACE = "UPDATE downtime SET machine_id = ?, start_t = ?, end_t = ?, state = ?,"
            + " reason_code = ?, reason_set_by = ?, reason_set_at = ?, minor_stop = ?, split_from = ? WHERE id = ?";
    private static final String END = "UPDATE downtime SET end_t = ? WHERE id = ?";
    private static final String END_MINOR = "UPDATE downtime SET end_t = ?, minor_stop = TRUE WHERE id = ?";
    private static final String SET_REASON = "UPDATE downtime SET reason_code = ?, reason_set_by = ?,"
            + " reason_set_at = ? WHERE id = ?";
    private static final String HISTORY = "INSERT INTO downtime_reason_history (downtime_id, machine_id, set_at,"
            + " set_by, reason_before, reason_after) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String TAIL_OF = "SELECT tail_id FROM downtime_tail WHERE downtime_id = ?";
    private static final String HEAD_OF = "SELECT downtime_id FROM downtime_tail WHERE tail_id = ?";
    private static final String MOVE_TAIL = "UPDATE downtime_tail SET tail_id = ? WHERE downtime_id = ?";
    private static final String NEW_TAIL = "INSERT INTO downtime_tail (downtime_id, tail_id) VALUES (?, ?)";

    private final PreparedStatements sql;

    DowntimeLedger(PreparedStatements sql) {
        this.sql = sql;
    }

    void start(DowntimeStarted start) throws SQLException {
        String reason = start.reasonCode();
        DowntimeRecord record = new DowntimeRecord(start.downtimeId(), start.machineId(), start.time(), null,
                start.state(), reason, reason == null ? null : FAULT_CODE_RULE, reason == null ? null : start.time(),
                false);
        insertOrReplace(record, null);
        if (reason != null) {
            history(record.id(), record.machineId(), start.time(), FAULT_CODE_RULE, null, reason);
        }
    }

    void end(DowntimeEnded end) throws SQLException {
        String part = tailOf(end.downtimeId()).orElse(end.downtimeId());
        PreparedStatement update = sql.get(end.minorStop() ? END_MINOR : END);
        update.setLong(1, end.time().toEpochMilli());
        update.setString(2, part);
        update.executeUpdate();
    }

    void reason(ReasonSet reason) throws SQLException {
        Optional<DowntimeRecord> current = HistoryReader.downtime(sql, reason.downtimeId());
        if (current.isEmpty()) {
            return;
        }
        PreparedStatement update = sql.get(SET_REASON);
        update.setString(1, reason.reasonCode());
        update.setString(2, reason.setBy());
        update.setLong(3, reason.time().toEpochMilli());
        update.setString(4, reason.downtimeId());
        update.executeUpdate();
        history(reason.downtimeId(), current.get().machineId(), reason.time(), reason.setBy(),
                current.get().reasonCode(), reason.reasonCode());
    }

    void split(DowntimeSplit split) throws SQLException {
        Optional<DowntimeRecord> found = HistoryReader.downtime(sql, split.downtimeId());
        if (found.isEmpty()) {
            return;
        }
        DowntimeRecord original = found.get();
        DowntimeRecord second = new DowntimeRecord(split.newDowntimeId(), original.machineId(), split.at(),
                original.end(), original.state(), original.reasonCode(), original.reasonSetBy(),
                original.reasonSetAt(), original.minorStop());
        PreparedStatement cut = sql.get(END);
        cut.setLong(1, split.at().toEpochMilli());
        cut.setString(2, original.id());
        cut.executeUpdate();
        insertOrReplace(second, original.id());
        if (second.reasonCode() != null) {
            history(second.id(), second.machineId(), split.time(), split.splitBy(), null, second.reasonCode());
        }
        if (original.isOpen()) {
            // the stop is still open: its end, naming the first id, belongs to the part split off last
            String head = headOf(original.id()).orElse(original.id());
            setTail(head, second.id());
        }
    }

    private void insertOrReplace(DowntimeRecord record, String splitFrom) throws SQLException {
        PreparedStatement insert = sql.get(INSERT);
        insert.setString(1, record.id());
        insert.setString(2, record.machineId());
        insert.setLong(3, record.start().toEpochMilli());
        setNullableMillis(insert, 4, record.end());
        insert.setString(5, record.state().name());
        setNullableString(insert, 6, record.reasonCode());
        setNullableString(insert, 7, record.reasonSetBy());
        setNullableMillis(insert, 8, record.reasonSetAt());
        insert.setBoolean(9, record.minorStop());
        setNullableString(insert, 10, splitFrom);
        try {
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
            // Derby undid only the failed statement; a record with a reused id replaces the old one,
            // as in the in-memory store, rather than failing every retry of this batch
            PreparedStatement replace = sql.get(REPLACE);
            replace.setString(1, record.machineId());
            replace.setLong(2, record.start().toEpochMilli());
            setNullableMillis(replace, 3, record.end());
            replace.setString(4, record.state().name());
            setNullableString(replace, 5, record.reasonCode());
            setNullableString(replace, 6, record.reasonSetBy());
            setNullableMillis(replace, 7, record.reasonSetAt());
            replace.setBoolean(8, record.minorStop());
            setNullableString(replace, 9, splitFrom);
            replace.setString(10, record.id());
            replace.executeUpdate();
        }
    }

    private void history(String downtimeId, String machineId, Instant at, String by, String before, String after)
            throws SQLException {
        PreparedStatement insert = sql.get(HISTORY);
        insert.setString(1, downtimeId);
        insert.setString(2, machineId);
        insert.setLong(3, at.toEpochMilli());
        insert.setString(4, by);
        setNullableString(insert, 5, before);
        insert.setString(6, after);
        insert.executeUpdate();
    }

    private Optional<String> tailOf(String downtimeId) throws SQLException {
        return single(TAIL_OF, downtimeId);
    }

    private Optional<String> headOf(String tailId) throws SQLException {
        return single(HEAD_OF, tailId);
    }

    private Optional<String> single(String query, String parameter) throws SQLException {
        PreparedStatement select = sql.get(query);
        select.setString(1, parameter);
        try (ResultSet rs = select.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    private void setTail(String downtimeId, String tailId) throws SQLException {
        PreparedStatement move = sql.get(MOVE_TAIL);
        move.setString(1, tailId);
        move.setString(2, downtimeId);
        if (move.executeUpdate() == 0) {
            PreparedStatement insert = sql.get(NEW_TAIL);
            insert.setString(1, downtimeId);
            insert.setString(2, tailId);
            insert.executeUpdate();
        }
    }
}
