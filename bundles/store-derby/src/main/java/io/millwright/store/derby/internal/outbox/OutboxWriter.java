package io.millwright.store.derby.internal.outbox;

import io.millwright.api.machine.MachineEvent;
import io.millwright.store.derby.internal.PreparedStatements;
import io.millwright.store.derby.internal.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Adds an append's new events to the outbox inside its transaction: draws one sequence number per
 * event from {@code outbox_sequence} (whose row lock then holds any other append until this one
 * commits, so sequence order is commit order) and writes them as chunks of JSON lines.
 */
public final class OutboxWriter {

    private static final String RESERVE = "UPDATE outbox_sequence SET next_seq = next_seq + ? WHERE id = 1";
    private static final String NEXT = "SELECT next_seq FROM outbox_sequence WHERE id = 1";
    private static final String INSERT = "INSERT INTO outbox (last_seq, first_seq, stored_at, entries)"
            + " VALUES (?, ?, ?, ?)";

    private OutboxWriter() {
    }

    /** Writes {@code events} in order, stamped {@code storedAt}; returns the first sequence number used. */
    public static long write(PreparedStatements sql, List<MachineEvent> events, long storedAt) throws SQLException {
        if (events.isEmpty()) {
            return -1;
        }
        long first = reserve(sql, events.size());
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            PreparedStatement insert = sql.get(INSERT);
            List<byte[]> chunk = new ArrayList<>();
            int chunkBytes = 0;
            long seq = first;
            for (MachineEvent event : events) {
                byte[] line = EventJson.toJson(event).getBytes(StandardCharsets.UTF_8);
                if (!chunk.isEmpty() && chunkBytes + line.length + 1 > OutboxChunk.MAX_PLAIN_BYTES) {
                    add(insert, seq - chunk.size(), chunk, storedAt, deflater);
                    chunk.clear();
                    chunkBytes = 0;
                }
                chunk.add(line);
                chunkBytes += line.length + 1;
                seq++;
            }
            add(insert, seq - chunk.size(), chunk, storedAt, deflater);
            insert.executeBatch();
        } finally {
            deflater.end();
        }
        return first;
    }

    private static long reserve(PreparedStatements sql, int count) throws SQLException {
        PreparedStatement reserve = sql.get(RESERVE);
        reserve.setInt(1, count);
        if (reserve.executeUpdate() != 1) {
            throw new SQLException("the outbox_sequence row is missing", "XJMW1");
        }
        try (ResultSet rs = sql.get(NEXT).executeQuery()) {
            rs.next();
            return rs.getLong(1) - count;
        }
    }

    private static void add(PreparedStatement insert, long firstSeq, List<byte[]> lines, long storedAt,
                            Deflater deflater) throws SQLException {
        insert.setLong(1, firstSeq + lines.size() - 1);
        insert.setLong(2, firstSeq);
        insert.setLong(3, storedAt);
        insert.setBytes(4, OutboxChunk.encode(lines, deflater));
        insert.addBatch();
    }
}
