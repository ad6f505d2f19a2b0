package io.millwright.store.derby.internal.json;

import java.time.Instant;

/** Writes one flat JSON object (string, integer, boolean and null members), escaping as RFC 8259 asks. */
final class JsonObjectWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(256).append('{');
    private boolean first = true;

    JsonObjectWriter string(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    /** An instant as ISO-8601 text, exactly as {@link Instant#toString()} writes it. */
    JsonObjectWriter instant(String name, Instant value) {
        name(name);
        out.append('"');
        IsoInstant.append(out, value);
        out.append('"');
        return this;
    }

    JsonObjectWriter number(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    JsonObjectWriter bool(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    String end() {
        return out.append('}').toString();
    }

    /** Whether nothing in {@code s} needs escaping (the common case: ids, codes, ISO times). */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    private void name(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        quote(name);
        out.append(':');
    }

    private void quote(String s) {
        out.append('"');
        if (plain(s)) {
            out.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
