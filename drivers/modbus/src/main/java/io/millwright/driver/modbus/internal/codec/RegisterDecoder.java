package io.millwright.driver.modbus.internal.codec;

import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.driver.modbus.internal.config.Endianness;
import io.millwright.driver.modbus.internal.config.TagDefinition;
import java.nio.charset.StandardCharsets;

/**
 * Turns a tag's registers into a sample, honouring the device's byte order (within a register)
 * and word order (of 32- and 64-bit values). Registers are held as ints 0..65535, as on the wire.
 */
public final class RegisterDecoder {

    private final boolean swapBytes;
    private final boolean lowWordFirst;

    public RegisterDecoder(Endianness byteOrder, Endianness wordOrder) {
        this.swapBytes = byteOrder == Endianness.LITTLE;
        this.lowWordFirst = wordOrder == Endianness.LITTLE;
    }

    /** Decodes {@code tag} from {@code registers[offset ..]}. */
    public Sample decode(String deviceId, TagDefinition tag, int[] registers, int offset, long now) {
        switch (tag.type()) {
            case BOOL:
                return Sample.ofBoolean(deviceId, tag.name(), word(registers, offset) != 0, Quality.GOOD, null, now, now);
            case INT16:
                return number(deviceId, tag, (short) word(registers, offset), now);
            case UINT16:
                return number(deviceId, tag, word(registers, offset), now);
            case INT32:
                return number(deviceId, tag, (int) bits32(registers, offset), now);
            case UINT32:
                return number(deviceId, tag, bits32(registers, offset), now);
            case FLOAT32:
                return real(deviceId, tag, Float.intBitsToFloat((int) bits32(registers, offset)), now);
            case FLOAT64:
                return real(deviceId, tag, Double.longBitsToDouble(bits64(registers, offset)), now);
            case STRING:
                return Sample.ofString(deviceId, tag.name(), text(registers, offset, tag.registers()), Quality.GOOD, null, now, now);
            default:
                throw new IllegalStateException("tag " + tag.name() + ": no decoder for " + tag.type());
        }
    }

    /** One register with the byte order applied. */
    int word(int[] registers, int index) {
        int r = registers[index] & 0xFFFF;
        return swapBytes ? ((r & 0xFF) << 8) | (r >>> 8) : r;
    }

    long bits32(int[] registers, int offset) {
        int first = word(registers, offset);
        int second = word(registers, offset + 1);
        return lowWordFirst ? ((long) second << 16) | first : ((long) first << 16) | second;
    }

    long bits64(int[] registers, int offset) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int w = word(registers, lowWordFirst ? offset + 3 - i : offset + i);
            v = (v << 16) | w;
        }
        return v;
    }

    private String text(int[] registers, int offset, int count) {
        byte[] bytes = new byte[count * 2];
        int n = 0;
        for (int i = 0; i < count; i++) {
            int w = word(registers, offset + i);
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
