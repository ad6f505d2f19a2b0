package io.millwright.driver.modbus.internal.config;

import java.util.Locale;

/** Byte order within a register, or word order within a multi-register value. */
public enum Endianness {
    BIG,
    LITTLE;

    /** @return the order, or {@code null} when the text is neither {@code big} nor {@code little} */
    public static Endianness parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "big":
                return BIG;
            case "little":
                return LITTLE;
            default:
                return null;
        }
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
