package io.millwright.store.derby.internal.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The (device, tag) pairs that have rows in {@code tag_history}, found by skipping through the
 * (device_id, tag, t) index: one seek for each pair, however many rows it has, and no second index
 * (and no registry table) on the write path.
 */
final class TagHistorySeries {

    private static final String FIRST = "SELECT device_id, tag FROM tag_history"
            + " ORDER BY device_id, tag FETCH FIRST ROW ONLY";
    private static final String NEXT_TAG = "SELECT device_id, tag FROM tag_history WHERE device_id = ? AND tag > ?"
            + " ORDER BY device_id, tag FETCH FIRST ROW ONLY";
    private static final String NEXT_DEVICE = "SELECT device_id, tag FROM tag_history WHERE device_id > ?"
            + " ORDER BY device_id, tag FETCH FIRST ROW ONLY";

    private TagHistorySeries() {
    }

    /** Every series as {device_id, tag}, in index order. */
    static List<Object[]> all(Connection connection) throws SQLException {
        List<Object[]> series = new ArrayList<>();
        try (PreparedStatement first = connection.prepareStatement(FIRST);
             PreparedStatement nextTag = connection.prepareStatement(NEXT_TAG);
             PreparedStatement nextDevice = connection.prepareStatement(NEXT_DEVICE)) {
            Object[] current = one(first);
            while (current != null) {
                series.add(current);
                nextTag.setString(1, (String) current[0]);
                nextTag.setString(2, (String) current[1]);
                Object[] next = one(nextTag);
                if (next == null) {
                    nextDevice.setString(1, (String) current[0]);
                    next = one(nextDevice);
                }
                current = next;
            }
        }
        return series;
    }

    private static Object[] one(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            return rs.next() ? new Object[] {rs.getString(1), rs.getString(2)} : null;
        }
    }
}
