package io.millwright.store.derby.internal.taghistory;

import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.SqlValues;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code tag_history} table: kept samples written in JDBC batches, one transaction per write,
 * and the history of one tag over a window, read along the (device_id, tag, t) index.
 */
public final class DerbyTagHistory {

    /** Rows per JDBC batch, so that a large backlog does not pile up in the driver's memory. */
    private static final int FLUSH_EVERY = 1_000;
    private static final int MAX_TEXT = 1_024;
    private static final long EXACT_IN_DOUBLE = 1L << 53;
    private static final int MAX_REASON = 512;
    private static final String INSERT = "INSERT INTO tag_history (device_id, tag, t, num_value, text_value, quality,"
            + " reason) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String WINDOW = "SELECT t, num_value, text_value, quality, reason FROM tag_history"
            + " WHERE device_id = ? AND tag = ? AND t >= ? AND t < ? ORDER BY t";

    private final DerbyDatabase database;

    public DerbyTagHistory(DerbyDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Writes {@code samples} in one transaction; all or none. */
    public void write(List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        database.inTransaction("writing " + samples.size() + " tag history samples", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                int pending = 0;
                for (Sample sample : samples) {
                    bind(insert, sample);
                    insert.addBatch();
                    if (++pending == FLUSH_EVERY) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            return null;
        });
    }

    private static void bind(PreparedStatement insert, Sample sample) throws SQLException {
        insert.setString(1, sample.deviceId());
        insert.setString(2, sample.tag());
        insert.setLong(3, sample.sourceTime());
        Double number = null;
        String text = null;
        switch (sample.type()) {
            case BOOLEAN -> {
                number = sample.asBoolean() ? 1.0 : 0.0;
                text = sample.asString();
            }
            case LONG -> {
                long value = sample.asLong();
                number = (double) value;
                // beyond 2^53 a double cannot hold every long: the text keeps it exact
                text = Math.abs(value) <= EXACT_IN_DOUBLE ? null : Long.toString(value);
            }
            case DOUBLE -> {
                double value = sample.asDouble();
                // Derby's DOUBLE holds neither NaN, infinities nor subnormal numbers
                if (Double.isFinite(value) && (value == 0.0 || Math.abs(value) >= Double.MIN_NORMAL)) {
                    number = value;
                } else {
                    text = Double.toString(value);
                }
            }
            case STRING -> text = truncate(sample.asString(), MAX_TEXT);
            default -> {
                // no value: quality and reason say why
            }
        }
        if (number == null) {
            insert.setNull(4, Types.DOUBLE);
        } else {
            insert.setDouble(4, number);
        }
        SqlValues.setNullableString(insert, 5, text);
        insert.setString(6, sample.quality().name());
        SqlValues.setNullableString(insert, 7, truncate(sample.qualityReason(), MAX_REASON));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** The stored values of {@code device}/{@code tag} from {@code from} (inclusive) to {@code to}, oldest first, at most {@code limit}. */
    public List<TagHistoryPoint> history(String device, String tag, Instant from, Instant to, int limit) {
        return database.inTransaction("reading the tag history of " + device + "/" + tag, connection -> {
            List<TagHistoryPoint> points = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(WINDOW)) {
                query.setString(1, device);
                query.setString(2, tag);
                query.setLong(3, from.toEpochMilli());
                query.setLong(4, to.toEpochMilli());
                query.setMaxRows(limit);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        double number = rs.getDouble(2);
                        Double value = rs.wasNull() ? null : number;
                        points.add(new TagHistoryPoint(Instant.ofEpochMilli(rs.getLong(1)), value, rs.getString(3),
                                Quality.valueOf(rs.getString(4)), rs.getString(5)));
                    }
                }
            }
            return points;
        });
    }

    /** As {@link #history(String, String, Instant, Instant, int)}, without a limit. */
    public List<TagHistoryPoint> history(String device, String tag, Instant from, Instant to) {
        return history(device, tag, from, to, Integer.MAX_VALUE);
    }
}
