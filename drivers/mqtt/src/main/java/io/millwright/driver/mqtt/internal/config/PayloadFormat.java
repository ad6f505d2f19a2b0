package io.millwright.driver.mqtt.internal.config;

import java.util.Locale;

/** How a device's messages are decoded. */
public enum PayloadFormat {
    /** A JSON document; each tag is picked by a JSON Pointer. */
    JSON,
    /** The whole payload is one value (a number, true/false, or text); each tag has its own topic. */
    PLAIN,
    /** Sparkplug B protobuf payloads of one edge node, or of one device behind it. */
    SPARKPLUGB;

    static PayloadFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String protocol() {
        return this == SPARKPLUGB ? "sparkplugb" : "mqtt";
    }
}
