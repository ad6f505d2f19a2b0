package io.millwright.driver.modbus.internal.codec;

import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.driver.modbus.internal.config.RegisterOrder;
import io.millwright.driver.modbus.internal.config.TagDefinition;
import java.nio.charset.StandardCharsets;

/**
 * Turns a tag's registers into a sample, honouring the tag's byte order (within a register) and
 * word order (of 32- and 64-bit values), resolved when the configuration was read. Registers are
 * held as ints 0..65535, as on the wire.
 */
public final class RegisterDecoder {

    private RegisterDecoder() {
    }

    /** Decodes {@code tag} from {@code registers[offset ..]}. */
    public static Sample decode(String deviceId, TagDefinition tag, int[] registers, int offset, long now) {
        RegisterOrder order = tag.order();
        switch (tag.type()) {
            case BOOL:
                return Sample.ofBoolean(deviceId, tag.name(), word(order, registers, offset) != 0, Quality.GOOD, null, now, now);
            case INT16:
                return number(deviceId, tag, (short) word(order, registers, offset), now);
            case UINT16:
                return number(deviceId, tag, word(order, registers, offset), now);
            case INT32:
                return number(deviceId, tag, (int) bits32(order, registers, offset), now);
            case UINT32:
                return number(deviceId, tag, bits32(order, registers, offset), now);
            case FLOAT32:
                return real(deviceId, tag, Float.intBitsToFloat((int) bits32(order, registers, offset)), now);
            case FLOAT64:
                return real(deviceId, tag, Double.longBitsToDouble(bits64(order, registers, offset)), now);
            case STRING:
                return Sample.ofString(deviceId, tag.name(), text(order, registers, offset, tag.registers()), Quality.GOOD, null,
                        now, now);
            default:
                throw new IllegalStateException("tag " + tag.name() + ": no decoder for " + tag.type());
        }
    }

    /** One register with the byte order applied. */
    static int word(RegisterOrder order, int[] registers, int index) {
        int r = registers[index] & 0xFFFF;
        return order.swapsBytes() ? ((r & 0xFF) << 8) | (r >>> 8) : r;
    }

    static long bits32(RegisterOrder order, int[] registers, int offset) {
        int first = word(order, registers, offset);
        int second = word(order, registers, offset + 1);
        return order.lowWordFirst() ? ((long) second << 16) | first : ((long) first << 16) | second;
    }

    static long bits64(RegisterOrder order, int[] registers, int offset) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int w = word(order, registers, order.lowWordFirst() ? offset + 3 - i : offset + i);
            v = (v << 16) | w;
        }
        return v;
    }

    private static String text(RegisterOrder order, int[] registers, int offset, int count) {
        byte[] bytes = new byte[count * 2];
        int n = 0;
        for (int i = 0; i < count; i++) {
            int w = word(order, registers, offset + i);
            bytes[n++] = (byte) (w >>> 8);
            bytes[n++] = (byte) w;
        }
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        while (end > 0 && bytes[end - 1] == ' ') {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static Sample number(String deviceId, TagDefinition tag, long raw, long now) {
        if (tag.isPlainInteger()) {
            return Sample.ofLong(deviceId, tag.name(), raw, Quality.GOOD, null, now, now);
        }
        return Sample.ofDouble(deviceId, tag.name(), raw * tag.scale() + tag.offset(), Quality.GOOD, null, now, now);
    }

    private static Sample real(String deviceId, TagDefinition tag, double raw, long now) {
        if (!Double.isFinite(raw)) {
            return Sample.ofDouble(deviceId, tag.name(), raw, Quality.UNCERTAIN, "not a finite number: " + raw, now, now);
        }
        return Sample.ofDouble(deviceId, tag.name(), raw * tag.scale() + tag.offset(), Quality.GOOD, null, now, now);
    }
}
