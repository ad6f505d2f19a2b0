package io.millwright.driver.modbus.internal.codec;

import io.millwright.driver.modbus.internal.config.RegisterOrder;
import io.millwright.driver.modbus.internal.config.TagDefinition;
import io.millwright.driver.modbus.internal.config.TagType;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The inverse of {@link RegisterDecoder} for writes: an engineering value as text becomes the
 * registers to write (scale and offset undone, the tag's byte and word order applied), or is
 * refused with the reason.
 */
public final class RegisterEncoder {

    private RegisterEncoder() {
    }

    /** @throws IllegalArgumentException naming the tag when the value does not fit its type */
    public static int[] encode(TagDefinition tag, String value) {
        String v = value.trim();
        RegisterOrder order = tag.order();
        switch (tag.type()) {
            case BOOL:
                return new int[] {word(order, parseBool(tag, v) ? 1 : 0)};
            case STRING:
                return text(tag, value);
            case FLOAT32:
                return words(order, Float.floatToIntBits((float) unscale(tag, parseDouble(tag, v))) & 0xFFFFFFFFL, 2);
            case FLOAT64:
                return words(order, Double.doubleToLongBits(unscale(tag, parseDouble(tag, v))), 4);
            default:
                return integer(tag, v);
        }
    }

    /** A bool value for a coil. */
    public static boolean parseBool(TagDefinition tag, String v) {
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true":
            case "1":
            case "on":
                return true;
            case "false":
            case "0":
            case "off":
                return false;
            default:
                throw new IllegalArgumentException("tag " + tag.name() + ": '" + v + "' is not a bool (true/false, 1/0, on/off)");
        }
    }

    private static int[] integer(TagDefinition tag, String v) {
        double engineering = parseDouble(tag, v);
        double rawValue = unscale(tag, engineering);
        long raw = Math.round(rawValue);
        long min;
        long max;
        switch (tag.type()) {
            case INT16:
                min = Short.MIN_VALUE;
                max = Short.MAX_VALUE;
                break;
            case UINT16:
                min = 0;
                max = 0xFFFF;
                break;
            case INT32:
                min = Integer.MIN_VALUE;
                max = Integer.MAX_VALUE;
                break;
            default:
                min = 0;
                max = 0xFFFFFFFFL;
                break;
        }
        if (raw < min || raw > max) {
            throw new IllegalArgumentException("tag " + tag.name() + ": " + v + " is raw " + raw + ", outside "
                    + tag.type().word() + " (" + min + " to " + max + ")");
        }
        RegisterOrder order = tag.order();
        return tag.type().registers() == 1 ? new int[] {word(order, (int) (raw & 0xFFFF))} : words(order, raw & 0xFFFFFFFFL, 2);
    }

    private static int[] words(RegisterOrder order, long bits, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int w = (int) ((bits >>> (16 * (count - 1 - i))) & 0xFFFF);
            out[order.lowWordFirst() ? count - 1 - i : i] = word(order, w);
        }
        return out;
    }

    private static int[] text(TagDefinition tag, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length > tag.registers() * 2) {
            throw new IllegalArgumentException("tag " + tag.name() + ": '" + value + "' is longer than "
                    + tag.registers() * 2 + " characters");
        }
        int[] out = new int[tag.registers()];
        for (int i = 0; i < out.length; i++) {
            int hi = 2 * i < bytes.length ? bytes[2 * i] & 0xFF : 0;
            int lo = 2 * i + 1 < bytes.length ? bytes[2 * i + 1] & 0xFF : 0;
            out[i] = word(tag.order(), (hi << 8) | lo);
        }
        return out;
    }

    private static int word(RegisterOrder order, int w) {
        return order.swapsBytes() ? ((w & 0xFF) << 8) | ((w >>> 8) & 0xFF) : w & 0xFFFF;
    }

    private static double unscale(TagDefinition tag, double engineering) {
        return tag.type() == TagType.STRING ? engineering : (engineering - tag.offset()) / tag.scale();
    }

    private static double parseDouble(TagDefinition tag, String v) {
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tag " + tag.name() + ": '" + v + "' is not a number");
        }
    }
}
