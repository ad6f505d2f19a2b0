package io.millwright.store.derby.internal.quarantine;

import io.millwright.api.quarantine.Quarantine;
import io.millwright.api.quarantine.QuarantinedPayload;
import io.millwright.store.derby.internal.DerbyDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The durable {@link Quarantine}: one row per payload, kept until replayed or removed. Each source
 * keeps at most {@code perSource} entries (the oldest go first), so a device that sends only
 * garbage cannot fill the disk; what went is counted.
 */
public final class DerbyQuarantine implements Quarantine {

    /** Longest text kept per column; longer reasons and topics are cut, the payload never. */
    private static final int TOPIC_CHARS = 1024;
    private static final int REASON_CHARS = 1024;
    private static final int SOURCE_CHARS = 256;
    private static final String COLUMNS = "SELECT id, quarantined_at, source, topic, reason, payload FROM quarantine";

    private final Supplier<DerbyDatabase> database;
    private final int perSource;
    private final Clock clock;
    private long trimmed;

    public DerbyQuarantine(Supplier<DerbyDatabase> database, int perSource, Clock clock) {
        if (perSource < 1) {
            throw new IllegalArgumentException("perSource must be at least 1, was " + perSource);
        }
        this.database = database;
        this.perSource = perSource;
        this.clock = clock;
    }

    @Override
    public long put(String source, String topic, String reason, byte[] payload) {
        DerbyDatabase db = database.get();
        return db.inTransaction("quarantining a payload from " + source, connection -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO quarantine (quarantined_at, source, topic,"
                    + " reason, payload) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, clock.millis());
                insert.setString(2, cut(source, SOURCE_CHARS));
                insert.setString(3, cut(topic, TOPIC_CHARS));
                insert.setString(4, cut(reason, REASON_CHARS));
                insert.setBytes(5, payload);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            trim(connection, cut(source, SOURCE_CHARS), id);
            return id;
        });
    }

    @Override
    public List<QuarantinedPayload> list(String source, int max) {
        return database.get().inTransaction("listing the quarantine", connection -> {
            String sql = COLUMNS + (source == null ? "" : " WHERE source = ?") + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int p = 1;
                if (source != null) {
                    select.setString(p++, source);
                }
                select.setInt(p, Math.max(1, max));
                return read(select);
            }
        });
    }

    @Override
    public Optional<QuarantinedPayload> get(long id) {
        return database.get().inTransaction("reading quarantined payload " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement(COLUMNS + " WHERE id = ?")) {
                select.setLong(1, id);
                return read(select).stream().findFirst();
            }
        });
    }

    @Override
    public boolean remove(long id) {
        return database.get().inTransaction("removing quarantined payload " + id, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM quarantine WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public long count(String source) {
        return database.get().inTransaction("counting the quarantine", connection -> {
            String sql = "SELECT COUNT(*) FROM quarantine" + (source == null ? "" : " WHERE source = ?");
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (source != null) {
                    select.setString(1, source);
                }
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Entries removed because a source went over its limit, since start. */
    public synchronized long trimmed() {
        return trimmed;
    }

    /** Removes what lies beyond the newest {@code perSource} entries of the source. */
    private void trim(Connection connection, String source, long newest) throws SQLException {
        if (newest % Math.min(64, perSource) != 0) {
            // checked every so many entries: the limit is a bound, not an exact count
            return;
        }
        try (PreparedStatement nth = connection.prepareStatement("SELECT id FROM quarantine WHERE source = ?"
                + " ORDER BY id DESC OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY")) {
            nth.setString(1, source);
            nth.setInt(2, perSource);
            try (ResultSet rs = nth.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM quarantine WHERE source = ? AND id <= ?")) {
                    delete.setString(1, source);
                    delete.setLong(2, rs.getLong(1));
                    int gone = delete.executeUpdate();
                    synchronized (this) {
                        trimmed += gone;
                    }
                }
            }
        }
    }

    private static List<QuarantinedPayload> read(PreparedStatement select) throws SQLException {
        List<QuarantinedPayload> result = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                result.add(new QuarantinedPayload(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBytes(6)));
            }
        }
        return result;
    }

    private static String cut(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
