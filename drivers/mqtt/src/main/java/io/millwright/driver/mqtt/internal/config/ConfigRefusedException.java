package io.millwright.driver.mqtt.internal.config;

/** A connection configuration that cannot be used, naming the key and what is wrong with it (never a secret's value). */
public class ConfigRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String key;

    public ConfigRefusedException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
