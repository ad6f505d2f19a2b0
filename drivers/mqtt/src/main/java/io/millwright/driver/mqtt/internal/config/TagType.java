package io.millwright.driver.mqtt.internal.config;

import java.util.Locale;

/** The type a JSON or plain tag's value must have; a payload with another type is quarantined. */
public enum TagType {
    DOUBLE, LONG, BOOLEAN, STRING;

    static TagType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
