package io.millwright.core.internal.model;

/** A configuration that cannot be used, naming the offending key and value. */
public class ConfigRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String value;

    public ConfigRefusedException(String key, Object value, String reason) {
        super(key + " = '" + value + "': " + reason);
        this.key = key;
        this.value = String.valueOf(value);
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }
}
