package io.millwright.simulator.mqtt.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The MQTT face's configuration, checked: a value that cannot be used is refused with an
 * {@link InvalidSettingException} naming its key.
 *
 * @param brokerUri   normalised, with its port: {@code tcp://127.0.0.1:1883}
 * @param username    empty for none
 * @param password    empty for none; never in {@link #toString()}
 * @param refreshMs   0: a machine that does not change is not published again
 */
public record MqttFaceSettings(String brokerUri, String clientId, String username, String password, boolean json,
        boolean sparkplug, int qos, String topicPrefix, String groupId, String edgeNodeId, int publishIntervalMs,
        int refreshMs, int reconnectMaxDelayMs) {

    public static MqttFaceSettings from(MqttFaceConfig c) {
        String uri = brokerUri(c.brokerUri().trim());
        String clientId = c.clientId().trim();
        if (clientId.isEmpty() || clientId.length() > 65_535) {
            throw new InvalidSettingException("clientId", clientId, "a client id of 1 to 65535 characters is needed");
        }
        String username = c.username().trim();
        if (username.isEmpty() && !c.password().isEmpty()) {
            throw new InvalidSettingException("password", "****", "is set but username is not");
        }
        String format = c.format().trim().toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("sparkplug") && !format.equals("both")) {
            throw new InvalidSettingException("format", c.format(), "must be json, sparkplug or both");
        }
        int qos = whole("qos", c.qos(), 0, 2);
        String prefix = c.topicPrefix().trim();
        if (prefix.isEmpty() || prefix.endsWith("/") || prefix.contains("+") || prefix.contains("#")) {
            throw new InvalidSettingException("topicPrefix", prefix,
                    "a topic without '+', '#' or a trailing '/' is needed, e.g. millwright/sim");
        }
        int interval = whole("publishIntervalMs", c.publishIntervalMs(), 10, 60_000);
        int refresh = whole("refreshMs", c.refreshMs(), 0, 3_600_000);
        if (refresh > 0 && refresh < interval) {
            throw new InvalidSettingException("refreshMs", c.refreshMs(),
                    "must be 0 or at least publishIntervalMs (" + interval + ")");
        }
        return new MqttFaceSettings(uri, clientId, username, c.password(), !format.equals("sparkplug"),
                !format.equals("json"), qos, prefix, sparkplugId("groupId", c.groupId()),
                sparkplugId("edgeNodeId", c.edgeNodeId()), interval, refresh,
                whole("reconnectMaxDelayMs", c.reconnectMaxDelayMs(), 100, 3_600_000));
    }

    /** json, sparkplug or both, as configured. */
    public String format() {
        return json && sparkplug ? "both" : json ? "json" : "sparkplug";
    }

    @Override
    public String toString() {
        // the password stays out of logs and shell output
        return brokerUri + " as " + clientId + (username.isEmpty() ? "" : " (user " + username + ")") + ", "
                + (json ? "JSON on " + topicPrefix + "/<machine>" : "")
                + (json && sparkplug ? " and " : "")
                + (sparkplug ? "Sparkplug B as " + groupId + "/" + edgeNodeId : "");
    }

    private static String brokerUri(String text) {
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("tcp") && !scheme.equals("ssl")) {
                throw new InvalidSettingException("brokerUri", text, "must start with tcp:// or ssl://");
            }
            if (u.getHost() == null) {
                throw new InvalidSettingException("brokerUri", text, "has no host");
            }
            if (u.getUserInfo() != null) {
                throw new InvalidSettingException("brokerUri", "****", "must not carry credentials: use username and password");
            }
            int port = u.getPort() > 0 ? u.getPort() : scheme.equals("ssl") ? 8883 : 1883;
            return scheme + "://" + u.getHost() + ":" + port;
        } catch (URISyntaxException e) {
            throw new InvalidSettingException("brokerUri", text, "is not a URI: " + e.getReason());
        }
    }

    /** A Sparkplug B id is one topic level. */
    private static String sparkplugId(String key, String text) {
        String id = text.trim();
        if (id.isEmpty() || id.contains("/") || id.contains("+") || id.contains("#")) {
            throw new InvalidSettingException(key, id, "must be a non-empty name without '/', '+' or '#'");
        }
        return id;
    }

    private static int whole(String key, String text, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, text, "is not a whole number");
        }
        if (value < min || value > max) {
            throw new InvalidSettingException(key, text, "must be from " + min + " to " + max);
        }
        return value;
    }
}
