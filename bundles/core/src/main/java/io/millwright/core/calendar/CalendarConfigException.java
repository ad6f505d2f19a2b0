package io.millwright.core.calendar;

import java.util.Objects;

/**
 * Refusal of a shift calendar configuration, naming the configuration key and the offending entry.
 */
public final class CalendarConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String value;

    /**
     * @param key    the configuration key, e.g. {@code shifts}
     * @param value  the offending entry, or an empty string when the key is missing
     * @param reason what is wrong and what is expected
     */
    public CalendarConfigException(String key, String value, String reason) {
        super(message(key, value, reason));
        this.key = Objects.requireNonNull(key, "key");
        this.value = Objects.requireNonNull(value, "value");
    }

    public String key() {
        return key;
    }

    /** The offending entry as configured, or an empty string when the key is missing. */
    public String value() {
        return value;
    }

    private static String message(String key, String value, String reason) {
        String shown = value == null || value.isEmpty() ? "missing" : "'" + value + "'";
        return key + ": " + shown + " \u2014 " + reason;
    }
}
