package io.millwright.store.derby.internal.outbox;

import io.millwright.api.outbox.Outbox;
import io.millwright.api.outbox.OutboxEntry;
import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.json.EventJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The {@link Outbox} over the store's {@code outbox} chunks, with each consumer's cursor (the last
 * sequence it acknowledged) in {@code outbox_cursor}. A consumer is registered by its first read or
 * acknowledgement, just before the oldest entry kept; from then on retention keeps every entry it
 * has not acknowledged.
 */
public class DerbyOutbox implements Outbox {

    /** The most entries one read returns, whatever the consumer asks for. */
    public static final int MAX_READ = 10_000;
    private static final String DUPLICATE_KEY = "23505";

    private static final String CURSOR = "SELECT seq FROM outbox_cursor WHERE consumer = ?";
    private static final String OLDEST = "SELECT MIN(first_seq) FROM outbox";
    private static final String NEXT = "SELECT next_seq FROM outbox_sequence WHERE id = 1";
    private static final String REGISTER = "INSERT INTO outbox_cursor (consumer, seq, updated_at) VALUES (?, ?, ?)";
    private static final String ADVANCE = "UPDATE outbox_cursor SET seq = ?, updated_at = ? WHERE consumer = ?"
            + " AND seq < ?";
    private static final String CHUNKS = "SELECT first_seq, last_seq, entries FROM outbox WHERE last_seq > ?"
            + " ORDER BY last_seq";
    private static final String CURSORS = "SELECT consumer, seq FROM outbox_cursor ORDER BY consumer";
    private static final String FORGET = "DELETE FROM outbox_cursor WHERE consumer = ?";

    private final DerbyDatabase database;
    private final Clock clock;

    public DerbyOutbox(DerbyDatabase database) {
        this(database, Clock.systemUTC());
    }

    public DerbyOutbox(DerbyDatabase database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<OutboxEntry> read(String consumer, int max) {
        requireConsumer(consumer);
        if (max <= 0) {
            return List.of();
        }
        return database.inTransaction("reading the outbox for consumer " + consumer,
                connection -> entriesAfter(connection, cursorOrRegister(connection, consumer), max));
    }

    /**
     * Up to {@code max} entries after {@code sequence}, oldest first, without registering or moving
     * any consumer (not part of the outbox contract: for inspection).
     */
    public List<OutboxEntry> peek(long sequence, int max) {
        return database.inTransaction("reading the outbox after " + sequence,
                connection -> entriesAfter(connection, sequence, max));
    }

    /**
     * @throws IllegalArgumentException when {@code sequence} is past the newest entry: acknowledging
     *         what was never read would skip events still to come
     */
    @Override
    public void acknowledge(String consumer, long sequence) {
        requireConsumer(consumer);
        database.inTransaction("acknowledging outbox entry " + sequence + " for consumer " + consumer, connection -> {
            long cursor = cursorOrRegister(connection, consumer);
            if (sequence <= cursor) {
                return null;
            }
            long newest = next(connection) - 1;
            if (sequence > newest) {
                throw new IllegalArgumentException("consumer " + consumer + " acknowledged outbox entry " + sequence
                        + ", but the outbox at " + database.location() + " ends at " + newest);
            }
            try (PreparedStatement advance = connection.prepareStatement(ADVANCE)) {
                advance.setLong(1, sequence);
                advance.setLong(2, clock.millis());
                advance.setString(3, consumer);
                advance.setLong(4, sequence);
                advance.executeUpdate();
            }
            return null;
        });
    }

    /** Sequence numbers have no gaps and only acknowledged entries are purged: a subtraction. */
    @Override
    public long depth(String consumer) {
        requireConsumer(consumer);
        return database.inTransaction("counting the outbox for consumer " + consumer, connection -> {
            long newest = next(connection) - 1;
            OptionalLong cursor = cursor(connection, consumer);
            long start = cursor.isPresent() ? cursor.getAsLong() : startOfUnknown(connection, newest);
            return Math.max(0, newest - start);
        });
    }

    @Override
    public Map<String, Long> cursors() {
        return database.inTransaction("reading the outbox cursors", connection -> {
            Map<String, Long> cursors = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(CURSORS);
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    cursors.put(rs.getString(1), rs.getLong(2));
                }
            }
            return cursors;
        });
    }

    /**
     * Forgets a consumer that is gone for good, so that retention no longer keeps entries for it
     * (not part of the outbox contract). Returns whether it was known.
     */
    public boolean forget(String consumer) {
        requireConsumer(consumer);
        return database.inTransaction("forgetting outbox consumer " + consumer, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(FORGET)) {
                delete.setString(1, consumer);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static List<OutboxEntry> entriesAfter(Connection connection, long cursor, int max) throws SQLException {
        int limit = Math.min(max, MAX_READ);
        List<OutboxEntry> entries = new ArrayList<>(Math.min(limit, 256));
        try (PreparedStatement select = connection.prepareStatement(CHUNKS)) {
            select.setLong(1, cursor);
            try (ResultSet rs = select.executeQuery()) {
                while (entries.size() < limit && rs.next()) {
                    long seq = rs.getLong(1);
                    List<String> payloads = OutboxChunk.decode(rs.getBytes(3));
                    if (payloads.size() != rs.getLong(2) - seq + 1) {
                        throw new IllegalStateException("outbox chunk " + seq + ".." + rs.getLong(2) + " holds "
                                + payloads.size() + " entries");
                    }
                    for (String payload : payloads) {
                        if (seq > cursor && entries.size() < limit) {
                            EventJson.Envelope e = EventJson.envelope(payload);
                            entries.add(new OutboxEntry(seq, e.eventKey(), e.topic(), e.machineId(), e.time(),
                                    payload));
                        }
                        seq++;
                    }
                }
            }
        }
        return entries;
    }

    private long cursorOrRegister(Connection connection, String consumer) throws SQLException {
        OptionalLong cursor = cursor(connection, consumer);
        if (cursor.isPresent()) {
            return cursor.getAsLong();
        }
        long start = startOfUnknown(connection, next(connection) - 1);
        try (PreparedStatement register = connection.prepareStatement(REGISTER)) {
            register.setString(1, consumer);
            register.setLong(2, start);
            register.setLong(3, clock.millis());
            register.executeUpdate();
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
            // registered by a concurrent call meanwhile: Derby undid only this statement
            return cursor(connection, consumer).orElseThrow(() -> e);
        }
        return start;
    }

    /** Where a consumer seen for the first time starts: before the oldest entry kept, or after the newest. */
    private static long startOfUnknown(Connection connection, long newest) throws SQLException {
        OptionalLong oldest = single(connection, OLDEST);
        return oldest.isPresent() ? oldest.getAsLong() - 1 : newest;
    }

    private static long next(Connection connection) throws SQLException {
        return single(connection, NEXT).orElseThrow(() -> new SQLException("the outbox_sequence row is missing"));
    }

    private static OptionalLong cursor(Connection connection, String consumer) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CURSOR)) {
            select.setString(1, consumer);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private static OptionalLong single(Connection connection, String query) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query);
             ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return OptionalLong.empty();
            }
            long value = rs.getLong(1);
            return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
        }
    }

    private static void requireConsumer(String consumer) {
        if (consumer == null || consumer.isBlank()) {
            throw new IllegalArgumentException("an outbox consumer needs a name");
        }
    }
}
