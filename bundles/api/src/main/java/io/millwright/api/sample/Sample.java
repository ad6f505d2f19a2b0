package io.millwright.api.sample;

import java.time.Instant;
import java.util.Objects;

/**
 * One value of one tag of one device at one moment, as a driver read it.
 *
 * <p>Numbers are held as primitives so the hot path (driver to core) allocates one object per
 * sample and never boxes. Times are epoch milliseconds: {@code sourceTime} is when the device
 * (or the driver, if the device has no clock) produced the value, {@code receiveTime} when the
 * driver received it.
 */
public final class Sample {

    private final String deviceId;
    private final String tag;
    private final ValueType type;
    private final long bits;
    private final String text;
    private final Quality quality;
    private final String qualityReason;
    private final long sourceTime;
    private final long receiveTime;

    private Sample(String deviceId, String tag, ValueType type, long bits, String text,
                   Quality quality, String qualityReason, long sourceTime, long receiveTime) {
        this.deviceId = requireText(deviceId, "deviceId");
        this.tag = requireText(tag, "tag");
        this.type = type;
        this.bits = bits;
        this.text = text;
        this.quality = Objects.requireNonNull(quality, "quality");
        if (quality != Quality.GOOD && (qualityReason == null || qualityReason.isBlank())) {
            throw new IllegalArgumentException(
                    "sample " + deviceId + "/" + tag + " has quality " + quality + " but no reason");
        }
        if (type == ValueType.NONE && quality != Quality.BAD) {
            throw new IllegalArgumentException(
                    "sample " + deviceId + "/" + tag + " has no value, so its quality must be BAD");
        }
        this.qualityReason = quality == Quality.GOOD ? null : qualityReason;
        this.sourceTime = sourceTime;
        this.receiveTime = receiveTime;
    }

    public static Sample ofBoolean(String deviceId, String tag, boolean value, Quality quality,
                                   String qualityReason, long sourceTime, long receiveTime) {
        return new Sample(deviceId, tag, ValueType.BOOLEAN, value ? 1L : 0L, null,
                quality, qualityReason, sourceTime, receiveTime);
    }

    public static Sample ofLong(String deviceId, String tag, long value, Quality quality,
                                String qualityReason, long sourceTime, long receiveTime) {
        return new Sample(deviceId, tag, ValueType.LONG, value, null,
                quality, qualityReason, sourceTime, receiveTime);
    }

    public static Sample ofDouble(String deviceId, String tag, double value, Quality quality,
                                  String qualityReason, long sourceTime, long receiveTime) {
        return new Sample(deviceId, tag, ValueType.DOUBLE, Double.doubleToRawLongBits(value), null,
                quality, qualityReason, sourceTime, receiveTime);
    }

    public static Sample ofString(String deviceId, String tag, String value, Quality quality,
                                  String qualityReason, long sourceTime, long receiveTime) {
        return new Sample(deviceId, tag, ValueType.STRING, 0L, Objects.requireNonNull(value, "value"),
                quality, qualityReason, sourceTime, receiveTime);
    }

    /** A sample carrying no value, only the reason the tag could not be read. */
    public static Sample bad(String deviceId, String tag, String reason, long sourceTime, long receiveTime) {
        return new Sample(deviceId, tag, ValueType.NONE, 0L, null,
                Quality.BAD, reason, sourceTime, receiveTime);
    }

    public String deviceId() {
        return deviceId;
    }

    public String tag() {
        return tag;
    }

    public ValueType type() {
        return type;
    }

    public Quality quality() {
        return quality;
    }

    /** Why the quality is not GOOD; {@code null} for GOOD samples. */
    public String qualityReason() {
        return qualityReason;
    }

    public long sourceTime() {
        return sourceTime;
    }

    public long receiveTime() {
        return receiveTime;
    }

    public Instant sourceInstant() {
        return Instant.ofEpochMilli(sourceTime);
    }

    public boolean isGood() {
        return quality == Quality.GOOD;
    }

    /** The value as a boolean: numbers are true when non-zero, strings when "true" or "1". */
    public boolean asBoolean() {
        switch (type) {
            case BOOLEAN:
            case LONG:
                return bits != 0L;
            case DOUBLE:
                return Double.longBitsToDouble(bits) != 0.0;
            case STRING:
                return "true".equalsIgnoreCase(text.trim()) || "1".equals(text.trim());
            default:
                throw noValue();
        }
    }

    /** The value as a long; doubles are truncated toward zero. */
    public long asLong() {
        switch (type) {
            case BOOLEAN:
            case LONG:
                return bits;
            case DOUBLE:
                return (long) Double.longBitsToDouble(bits);
            case STRING:
                try {
                    return Long.parseLong(text.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(
                            "sample " + deviceId + "/" + tag + " holds text '" + text + "', not an integer", e);
                }
            default:
                throw noValue();
        }
    }

    public double asDouble() {
        switch (type) {
            case BOOLEAN:
            case LONG:
                return bits;
            case DOUBLE:
                return Double.longBitsToDouble(bits);
            case STRING:
                try {
                    return Double.parseDouble(text.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(
                            "sample " + deviceId + "/" + tag + " holds text '" + text + "', not a number", e);
                }
            default:
                throw noValue();
        }
    }

    /** The value as text, in its natural form for its type; {@code null} when the sample has none. */
    public String asString() {
        switch (type) {
            case BOOLEAN:
                return bits != 0L ? "true" : "false";
            case LONG:
                return Long.toString(bits);
            case DOUBLE:
                return Double.toString(Double.longBitsToDouble(bits));
            case STRING:
                return text;
            default:
                return null;
        }
    }

    /** The value boxed, for display and diagnostics only; the hot path uses the typed accessors. */
    public Object value() {
        switch (type) {
            case BOOLEAN:
                return bits != 0L;
            case LONG:
                return bits;
            case DOUBLE:
                return Double.longBitsToDouble(bits);
            case STRING:
                return text;
            default:
                return null;
        }
    }

    private IllegalStateException noValue() {
        return new IllegalStateException(
                "sample " + deviceId + "/" + tag + " has no value: " + qualityReason);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("sample " + name + " must not be empty");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Sample)) {
            return false;
        }
        Sample other = (Sample) o;
        return bits == other.bits && sourceTime == other.sourceTime && receiveTime == other.receiveTime
                && type == other.type && quality == other.quality && deviceId.equals(other.deviceId)
                && tag.equals(other.tag) && Objects.equals(text, other.text)
                && Objects.equals(qualityReason, other.qualityReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, tag, type, bits, text, quality, sourceTime);
    }

    @Override
    public String toString() {
        return deviceId + "/" + tag + "=" + asString() + " " + quality
                + (qualityReason == null ? "" : " (" + qualityReason + ")") + " @" + sourceInstant();
    }
}
