package io.millwright.simulator.opcua.internal;

/** An OPC UA face setting that cannot be used, naming its configuration key and value. */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String value;

    public InvalidSettingException(String key, Object value, String problem) {
        super(key + " = '" + value + "': " + problem);
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
