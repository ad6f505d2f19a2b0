package io.millwright.store.derby.internal.history;

import io.millwright.api.machine.MachineEvent;
import io.millwright.store.derby.internal.PreparedStatements;
import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Idempotency of every event but counts (see {@link CountWriter}): records the keys of a batch's
 * events and tells which were stored before. The keys are inserted as one JDBC batch, and the
 * primary key finds a key stored before: Derby refuses that row alone and the rest of the batch is
 * sent again. Duplicates are rare (an append retried after a crash), so no lookup goes first.
 */
final class EventKeys {

    private static final String DUPLICATE_KEY = "23505";
    private static final String INSERT = "INSERT INTO event_key (event_key, t) VALUES (?, ?)";

    private final PreparedStatements sql;

    EventKeys(PreparedStatements sql) {
        this.sql = sql;
    }

    /** Records the keys of {@code events} (key → event); returns those that were stored before. */
    Set<String> record(List<Map.Entry<String, MachineEvent>> events) throws SQLException {
        Set<String> storedBefore = new HashSet<>();
        PreparedStatement insert = sql.get(INSERT);
        int from = 0;
        while (from < events.size()) {
            for (Map.Entry<String, MachineEvent> event : events.subList(from, events.size())) {
                insert.setString(1, event.getKey());
                insert.setLong(2, event.getValue().time().toEpochMilli());
                insert.addBatch();
            }
            try {
                insert.executeBatch();
                from = events.size();
            } catch (BatchUpdateException e) {
                insert.clearBatch();
                if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
                // the rows before the refused one are in; go on after it
                int refused = from + e.getUpdateCounts().length;
                storedBefore.add(events.get(refused).getKey());
                from = refused + 1;
            }
        }
        return storedBefore;
    }
}
