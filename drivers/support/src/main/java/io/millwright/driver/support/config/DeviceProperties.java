package io.millwright.driver.support.config;

import java.util.Map;
import java.util.TreeMap;

/** A device file's raw properties, as Config Admin hands them over, read by key: every refusal names the key. */
public final class DeviceProperties {

    private final Map<String, ?> properties;

    public DeviceProperties(Map<String, ?> properties) {
        this.properties = properties;
    }

    /** The required {@code id}, letters, digits, '.', '_', '-'. */
    public String id() throws ConfigRefusedException {
        String id = required("id");
        if (!FieldValues.NAME.matcher(id).matches()) {
            throw new ConfigRefusedException("id", "'" + id + "' must be letters, digits, '.', '_', '-'");
        }
        return id;
    }

    /** The trimmed value; refused when missing or blank. */
    public String required(String key) throws ConfigRefusedException {
        String value = text(key);
        if (value == null) {
            throw new ConfigRefusedException(key, "is required");
        }
        return value;
    }

    /** The trimmed value, or null when missing or blank. */
    public String text(String key) {
        Object value = properties.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        return String.valueOf(value).trim();
    }

    /** The value exactly as given (untrimmed), or null: for secrets, where every character counts. */
    public Object raw(String key) {
        return properties.get(key);
    }

    /** A whole number from {@code min} to {@code max}, or {@code dflt} when missing. */
    public int intValue(String key, int dflt, int min, int max) throws ConfigRefusedException {
        String value = text(key);
        if (value == null) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(value);
            if (v < min || v > max) {
                throw new ConfigRefusedException(key, value + " must be " + min + " to " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigRefusedException(key, "'" + value + "' is not a whole number (" + min + " to " + max + ")");
        }
    }

    /** {@code true} or {@code false}, or {@code dflt} when missing. */
    public boolean booleanValue(String key, boolean dflt) throws ConfigRefusedException {
        try {
            return FieldValues.parseBoolean(key, text(key), dflt);
        } catch (FieldProblem p) {
            throw new ConfigRefusedException(key, p.getMessage());
        }
    }

    /** The properties whose keys start with {@code prefix}, sorted by key: Config Admin keeps no order. */
    public Map<String, Object> startingWith(String prefix) {
        Map<String, Object> found = new TreeMap<>();
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                found.put(e.getKey(), e.getValue());
            }
        }
        return found;
    }
}
