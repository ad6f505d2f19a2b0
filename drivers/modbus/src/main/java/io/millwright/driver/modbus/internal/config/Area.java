package io.millwright.driver.modbus.internal.config;

import java.util.Locale;

/** The four Modbus data areas, with whether they hold bits or 16-bit registers and may be written. */
public enum Area {
    COIL("coil", true, true),
    DISCRETE("discrete", true, false),
    HOLDING("holding", false, true),
    INPUT("input", false, false);

    private final String word;
    private final boolean bits;
    private final boolean writable;

    Area(String word, boolean bits, boolean writable) {
        this.word = word;
        this.bits = bits;
        this.writable = writable;
    }

    /** The name used in configuration and addresses ({@code holding 100 float32}). */
    public String word() {
        return word;
    }

    public boolean isBits() {
        return bits;
    }

    /** Whether the protocol lets a client write this area at all (coils and holding registers). */
    public boolean isWritable() {
        return writable;
    }

    /** @return the area, or {@code null} when the word names none */
    public static Area fromWord(String text) {
        String w = text.trim().toLowerCase(Locale.ROOT);
        for (Area a : values()) {
            if (a.word.equals(w) || (a.word + "s").equals(w)) {
                return a;
            }
        }
        return null;
    }
}
