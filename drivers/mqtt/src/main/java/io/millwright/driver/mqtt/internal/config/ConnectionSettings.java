package io.millwright.driver.mqtt.internal.config;

import java.util.List;

/**
 * A validated broker connection: one file {@code etc/io.millwright.driver.mqtt-<name>.cfg}.
 * {@link #toString()} masks the password; nothing else prints it.
 */
public record ConnectionSettings(String id, String uri, String clientId, String username, char[] password,
                                 StoreSettings trustStore, StoreSettings keyStore, boolean cleanSession,
                                 int keepAliveSeconds, int connectTimeoutSeconds, int reconnectMaxDelayMs,
                                 List<DeviceMapping> devices) {

    public ConnectionSettings {
        devices = List.copyOf(devices);
    }

    public String source() {
        return "mqtt:" + id;
    }

    @Override
    public String toString() {
        return "connection " + id + " " + uri + " clientId " + clientId
                + (username == null ? "" : " user " + username + " password ****")
                + (trustStore == null ? "" : " trustStore " + trustStore)
                + (keyStore == null ? "" : " keyStore " + keyStore)
                + " cleanSession " + cleanSession + ", " + devices.size() + " devices";
    }
}
