package io.millwright.simulator.mqtt.internal;

/** An MQTT face setting that cannot be used, naming its configuration key and value. */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public InvalidSettingException(String key, Object value, String problem) {
        super(key + " = '" + value + "': " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
