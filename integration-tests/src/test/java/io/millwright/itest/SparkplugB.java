package io.millwright.itest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Sparkplug B payloads written by hand (protobuf wire format), so the tests publish what an edge
 * node sends without sharing the driver's codec: a bug in one is not mirrored in the other.
 */
final class SparkplugB {

    static final int INT64 = 4;
    static final int DOUBLE = 10;
    static final int BOOLEAN = 11;

    /** One metric: {@code name} null to send only the alias (after a birth declared it), {@code alias} -1 for none. */
    record Metric(String name, long alias, int dataType, Object value) {
        static Metric named(String name, long alias, int dataType, Object value) {
            return new Metric(name, alias, dataType, value);
        }

        static Metric alias(long alias, int dataType, Object value) {
            return new Metric(null, alias, dataType, value);
        }
    }

    private SparkplugB() {
    }

    static byte[] payload(long timestamp, long seq, Metric... metrics) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tag(out, 1, 0);
        varint(out, timestamp);
        for (Metric m : metrics) {
            byte[] body = metric(m, timestamp);
            tag(out, 2, 2);
            varint(out, body.length);
            out.writeBytes(body);
        }
        tag(out, 3, 0);
        varint(out, seq);
        return out.toByteArray();
    }

    private static byte[] metric(Metric m, long timestamp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (m.name() != null) {
            byte[] name = m.name().getBytes(StandardCharsets.UTF_8);
            tag(out, 1, 2);
            varint(out, name.length);
            out.writeBytes(name);
        }
        if (m.alias() >= 0) {
            tag(out, 2, 0);
            varint(out, m.alias());
        }
        tag(out, 3, 0);
        varint(out, timestamp);
        tag(out, 4, 0);
        varint(out, m.dataType());
        switch (m.dataType()) {
            case INT64 -> {
                tag(out, 11, 0);
                varint(out, ((Number) m.value()).longValue());
            }
            case DOUBLE -> {
                tag(out, 13, 1);
                long bits = Double.doubleToLongBits(((Number) m.value()).doubleValue());
                for (int i = 0; i < 8; i++) {
                    out.write((int) (bits >>> (8 * i)) & 0xFF);
                }
            }
            case BOOLEAN -> {
                tag(out, 14, 0);
                varint(out, Boolean.TRUE.equals(m.value()) ? 1 : 0);
            }
            default -> throw new IllegalArgumentException("data type " + m.dataType() + " is not written by this test helper");
        }
        return out.toByteArray();
    }

    private static void tag(ByteArrayOutputStream out, int field, int wireType) {
        varint(out, ((long) field << 3) | wireType);
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
