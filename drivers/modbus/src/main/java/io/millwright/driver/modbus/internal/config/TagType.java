package io.millwright.driver.modbus.internal.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a tag's registers (or bit) are decoded; strings carry their length in registers. */
public enum TagType {
    BOOL(1),
    INT16(1),
    UINT16(1),
    INT32(2),
    UINT32(2),
    FLOAT32(2),
    FLOAT64(4),
    STRING(0);

    private static final Pattern STRING_FORM = Pattern.compile("string\\((\\d{1,3})\\)");

    private final int registers;

    TagType(int registers) {
        this.registers = registers;
    }

    /** Registers a value of this type occupies; for strings see {@link #parseStringLength}. */
    public int registers() {
        return registers;
    }

    public boolean isInteger() {
        return this == INT16 || this == UINT16 || this == INT32 || this == UINT32;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the type for a word like {@code float32} or {@code string(8)}, or {@code null} */
    public static TagType parse(String text) {
        String w = text.trim().toLowerCase(Locale.ROOT);
        if (STRING_FORM.matcher(w).matches()) {
            return STRING;
        }
        for (TagType t : values()) {
            if (t != STRING && t.word().equals(w)) {
                return t;
            }
        }
        return null;
    }

    /** The register count in {@code string(n)}, or -1 when the text is not of that form. */
    public static int parseStringLength(String text) {
        Matcher m = STRING_FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
}
