package io.millwright.driver.support.sparkplug;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes and encodes the Sparkplug B {@code Payload} message (sparkplug_b.proto, Sparkplug 3.0)
 * by hand over the protobuf wire format: timestamp (1), metrics (2), seq (3); in each Metric the
 * name (1), alias (2), timestamp (3), datatype (4), is_null (7) and the scalar values (10 to 15).
 * Fields it does not use (uuid, body, metadata, properties, datasets, templates) are skipped;
 * anything not well-formed is refused with its offset.
 */
public final class SparkplugCodec {

    private SparkplugCodec() {
    }

    public static SparkplugPayload decode(byte[] bytes) throws MalformedPayloadException {
        ProtoReader in = new ProtoReader(bytes, 0, bytes.length);
        long timestamp = -1;
        long seq = -1;
        List<SparkplugMetric> metrics = new ArrayList<>();
        while (in.hasMore()) {
            int tag = in.readTag();
            switch (tag >>> 3) {
                case 1 -> {
                    in.expect(tag, ProtoReader.VARINT, "payload timestamp");
                    timestamp = in.readVarint();
                }
                case 2 -> {
                    in.expect(tag, ProtoReader.LENGTH_DELIMITED, "metric");
                    int at = in.position();
                    try {
                        metrics.add(metric(in.readMessage()));
                    } catch (MalformedPayloadException e) {
                        throw new MalformedPayloadException("metric " + metrics.size() + " (offset " + at + "): " + e.getMessage());
                    }
                }
                case 3 -> {
                    in.expect(tag, ProtoReader.VARINT, "seq");
                    seq = in.readVarint();
                    if (seq < 0 || seq > 255) {
                        throw new MalformedPayloadException("seq " + seq + " is outside 0..255");
                    }
                }
                default -> in.skip(tag & 7);
            }
        }
        return new SparkplugPayload(timestamp, seq, metrics);
    }

    private static SparkplugMetric metric(ProtoReader in) throws MalformedPayloadException {
        String name = null;
        long alias = -1;
        long timestamp = -1;
        int dataType = 0;
        boolean isNull = false;
        char kind = 0;
        long longValue = 0;
        double doubleValue = 0;
        String text = null;
        while (in.hasMore()) {
            int tag = in.readTag();
            switch (tag >>> 3) {
                case 1 -> {
                    in.expect(tag, ProtoReader.LENGTH_DELIMITED, "name");
                    name = in.readString();
                }
                case 2 -> {
                    in.expect(tag, ProtoReader.VARINT, "alias");
                    alias = in.readVarint();
                }
                case 3 -> {
                    in.expect(tag, ProtoReader.VARINT, "timestamp");
                    timestamp = in.readVarint();
                }
                case 4 -> {
                    in.expect(tag, ProtoReader.VARINT, "datatype");
                    dataType = (int) in.readVarint();
                }
                case 7 -> {
                    in.expect(tag, ProtoReader.VARINT, "is_null");
                    isNull = in.readVarint() != 0;
                }
                case 10 -> {
                    in.expect(tag, ProtoReader.VARINT, "int_value");
                    longValue = in.readVarint() & 0xFFFF_FFFFL;
                    kind = 'i';
                }
                case 11 -> {
                    in.expect(tag, ProtoReader.VARINT, "long_value");
                    longValue = in.readVarint();
                    kind = 'l';
                }
                case 12 -> {
                    in.expect(tag, ProtoReader.FIXED32, "float_value");
                    doubleValue = Float.intBitsToFloat(in.readFixed32());
                    kind = 'f';
                }
                case 13 -> {
                    in.expect(tag, ProtoReader.FIXED64, "double_value");
                    doubleValue = Double.longBitsToDouble(in.readFixed64());
                    kind = 'd';
                }
                case 14 -> {
                    in.expect(tag, ProtoReader.VARINT, "boolean_value");
                    longValue = in.readVarint() != 0 ? 1 : 0;
                    kind = 'b';
                }
                case 15 -> {
                    in.expect(tag, ProtoReader.LENGTH_DELIMITED, "string_value");
                    text = in.readString();
                    kind = 's';
                }
                default -> in.skip(tag & 7);
            }
        }
        if (name == null && alias < 0) {
            throw new MalformedPayloadException("has neither a name nor an alias");
        }
        return new SparkplugMetric(name, alias, timestamp, dataType, isNull, kind, longValue, doubleValue, text);
    }

    public static byte[] encode(SparkplugPayload payload) {
        ProtoWriter out = new ProtoWriter();
        if (payload.timestamp() >= 0) {
            out.varint(1, payload.timestamp());
        }
        for (SparkplugMetric m : payload.metrics()) {
            out.bytes(2, metric(m));
        }
        if (payload.seq() >= 0) {
            out.varint(3, payload.seq());
        }
        return out.toByteArray();
    }

    private static byte[] metric(SparkplugMetric m) {
        ProtoWriter out = new ProtoWriter();
        if (m.name() != null) {
            out.string(1, m.name());
        }
        if (m.alias() >= 0) {
            out.varint(2, m.alias());
        }
        if (m.timestamp() >= 0) {
            out.varint(3, m.timestamp());
        }
        if (m.dataType() != 0) {
            out.varint(4, m.dataType());
        }
        if (m.isNull()) {
            out.varint(7, 1);
            return out.toByteArray();
        }
        switch (m.valueKind()) {
            case 'i' -> out.varint(10, m.longValue() & 0xFFFF_FFFFL);
            case 'l' -> out.varint(11, m.longValue());
            case 'f' -> out.fixed32(12, Float.floatToIntBits((float) m.doubleValue()));
            case 'd' -> out.fixed64(13, Double.doubleToLongBits(m.doubleValue()));
            case 'b' -> out.varint(14, m.longValue());
            case 's' -> out.string(15, m.text());
            default -> {
                // no value: a metric that only declares itself
            }
        }
        return out.toByteArray();
    }
}
