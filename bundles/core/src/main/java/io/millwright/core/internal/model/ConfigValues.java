package io.millwright.core.internal.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads raw Config Admin values the way integrators write them in {@code etc/*.cfg}: everything
 * may arrive as text, and a list is either an array or one string with entries separated by
 * {@code ;}.
 */
public final class ConfigValues {

    private final Map<String, ?> properties;

    public ConfigValues(Map<String, ?> properties) {
        this.properties = properties;
    }

    /** The trimmed text of a key, or null when absent or blank. */
    public String text(String key) {
        Object value = properties.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String[] && ((String[]) value).length == 1) {
            value = ((String[]) value)[0];
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    public String text(String key, String fallback) {
        String text = text(key);
        return text == null ? fallback : text;
    }

    public String required(String key) throws ConfigRefusedException {
        String text = text(key);
        if (text == null) {
            throw new ConfigRefusedException(key, "", "is required");
        }
        return text;
    }

    /** A number of seconds, as a positive (or, with {@code allowZero}, non-negative) decimal. */
    public double seconds(String key, double fallback, boolean allowZero) throws ConfigRefusedException {
        String text = text(key);
        if (text == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ConfigRefusedException(key, text, "is not a number of seconds");
        }
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0 || (!allowZero && value == 0)) {
            throw new ConfigRefusedException(key, text, allowZero ? "must be zero or more seconds"
                    : "must be more than zero seconds");
        }
        return value;
    }

    public boolean bool(String key, boolean fallback) throws ConfigRefusedException {
        String text = text(key);
        if (text == null) {
            return fallback;
        }
        if ("true".equalsIgnoreCase(text)) {
            return true;
        }
        if ("false".equalsIgnoreCase(text)) {
            return false;
        }
        throw new ConfigRefusedException(key, text, "is neither true nor false");
    }

    /** The entries of a list key: an array, a collection, or one string split on ';'. */
    public List<String> list(String key) {
        Object value = properties.get(key);
        List<String> entries = new ArrayList<>();
        if (value == null) {
            return entries;
        }
        if (value instanceof String[]) {
            for (String s : (String[]) value) {
                addSplit(entries, s);
            }
        } else if (value instanceof Collection) {
            for (Object o : (Collection<?>) value) {
                addSplit(entries, String.valueOf(o));
            }
        } else {
            addSplit(entries, value.toString());
        }
        return entries;
    }

    private static void addSplit(List<String> entries, String text) {
        for (String part : text.split(";")) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                entries.add(trimmed);
            }
        }
    }
}
