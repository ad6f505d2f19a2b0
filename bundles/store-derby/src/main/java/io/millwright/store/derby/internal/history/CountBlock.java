package io.millwright.store.derby.internal.history;

import io.millwright.api.machine.CountRecorded;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The count buckets of one machine for one clock hour, packed into one {@code count_block} row.
 * A plant's counts are a row per machine per minute: packing an hour into a row makes a batched
 * append update about one row per machine instead of inserting one per bucket, and a month's OEE
 * query read 720 rows per machine instead of 43,200.
 *
 * <p>Layout: a format byte, the bucket count, then per bucket (ordered by time, then product) the
 * offset from the hour in ms, the product, total, rejects and ideal cycle in ns.
 */
public final class CountBlock {

    /** What one block spans: a clock hour (UTC epoch hours). */
    public static final long HOUR_MS = 3_600_000L;
    /** The widest {@code VARCHAR FOR BIT DATA} Derby has: about 900 buckets, 15 products a minute. */
    static final int MAX_BYTES = 32_672;
    private static final byte FORMAT = 1;

    private CountBlock() {
    }

    static long hourOf(long epochMillis) {
        return Math.floorDiv(epochMillis, HOUR_MS) * HOUR_MS;
    }

    /** The key a bucket is unique by within its machine: its time and product. */
    record Slot(long t, String product) implements Comparable<Slot> {
        static Slot of(CountRecorded count) {
            return new Slot(count.time().toEpochMilli(), count.product());
        }

        @Override
        public int compareTo(Slot other) {
            int byTime = Long.compare(t, other.t);
            return byTime != 0 ? byTime : product.compareTo(other.product);
        }
    }

    static byte[] encode(String machineId, long hour, Collection<CountRecorded> buckets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 40 * buckets.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(buckets.size());
            for (CountRecorded count : buckets) {
                out.writeInt((int) (count.time().toEpochMilli() - hour));
                out.writeUTF(count.product());
                out.writeLong(count.total());
                out.writeLong(count.rejects());
                out.writeLong(count.idealCycleTime().toNanos());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.size() > MAX_BYTES) {
            throw new IllegalStateException("the count buckets of machine " + machineId + " for the hour from "
                    + Instant.ofEpochMilli(hour) + " take " + bytes.size() + " bytes, more than the " + MAX_BYTES
                    + " a count block holds (" + buckets.size() + " buckets)");
        }
        return bytes.toByteArray();
    }

    static List<CountRecorded> decode(String machineId, long hour, byte[] block) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(block))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("count block of machine " + machineId + " for "
                        + Instant.ofEpochMilli(hour) + " has format " + format + ", this store reads " + FORMAT);
            }
            int n = in.readInt();
            List<CountRecorded> buckets = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long t = hour + in.readInt();
                String product = in.readUTF();
                buckets.add(new CountRecorded(machineId, Instant.ofEpochMilli(t), in.readLong(), in.readLong(),
                        product, Duration.ofNanos(in.readLong())));
            }
            return buckets;
        } catch (IOException e) {
            throw new UncheckedIOException("count block of machine " + machineId + " for "
                    + Instant.ofEpochMilli(hour) + " is truncated", e);
        }
    }
}
