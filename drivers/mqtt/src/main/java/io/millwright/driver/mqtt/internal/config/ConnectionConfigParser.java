package io.millwright.driver.mqtt.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Validates a connection file from its raw properties into {@link ConnectionSettings}, or refuses
 * it naming the key. Devices are {@code device.<id>.<setting>} keys; messages never contain a
 * password's value.
 */
public final class ConnectionConfigParser {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final String DEVICE = "device.";
    private static final Set<String> DEVICE_KEYS = Set.of("format", "topic", "timestamp", "node", "qos", "historize");

    private final Path etcDir;

    /** @param etcDir where relative store paths are looked for */
    public ConnectionConfigParser(Path etcDir) {
        this.etcDir = etcDir;
    }

    public ConnectionSettings parse(Map<String, ?> properties) throws ConfigRefusedException {
        String id = required(properties, "id");
        if (!ID.matcher(id).matches()) {
            throw new ConfigRefusedException("id", "'" + id + "' must be letters, digits, '_', '-'");
        }
        String uri = uri(required(properties, "uri"));
        String clientId = text(properties, "clientId");
        if (clientId == null) {
            clientId = "millwright-" + id;
        } else if (clientId.length() > 65535) {
            throw new ConfigRefusedException("clientId", "longer than 65535 characters");
        }
        String username = text(properties, "username");
        String password = text(properties, "password");
        if (password != null && username == null) {
            throw new ConfigRefusedException("password", "is set but username is not");
        }
        StoreSettings trust = store(properties, "trustStore");
        StoreSettings key = store(properties, "keyStore");
        if ((trust != null || key != null) && !uri.startsWith("ssl://")) {
            throw new ConfigRefusedException(trust != null ? "trustStore" : "keyStore", "is set but uri is not ssl://");
        }
        boolean cleanSession = booleanValue(properties, "cleanSession", false);
        int keepAlive = intValue(properties, "keepAlive", 30, 0, 65535);
        int connectTimeout = intValue(properties, "connectTimeout", 10, 1, 600);
        int reconnectMax = intValue(properties, "reconnectMaxDelay", 30_000, 100, 3_600_000);
        List<DeviceMapping> devices = devices(properties);
        ConnectionSettings settings = new ConnectionSettings(id, uri, clientId, username,
                password == null ? null : password.toCharArray(), trust, key, cleanSession, keepAlive, connectTimeout,
                reconnectMax, devices);
        if (uri.startsWith("ssl://")) {
            SocketFactories.ssl(settings);
        }
        return settings;
    }

    private static String uri(String text) throws ConfigRefusedException {
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("tcp") && !scheme.equals("ssl")) {
                throw new ConfigRefusedException("uri", "'" + text + "' must start with tcp:// or ssl://");
            }
            if (u.getHost() == null) {
                throw new ConfigRefusedException("uri", "'" + text + "' has no host");
            }
            if (u.getUserInfo() != null) {
                throw new ConfigRefusedException("uri", "must not carry credentials: use username and password");
            }
            return scheme + "://" + u.getHost() + ":" + (u.getPort() > 0 ? u.getPort() : scheme.equals("ssl") ? 8883 : 1883);
        } catch (URISyntaxException e) {
            throw new ConfigRefusedException("uri", "'" + text + "' is not a URI: " + e.getReason());
        }
    }

    private StoreSettings store(Map<String, ?> properties, String key) throws ConfigRefusedException {
        String path = text(properties, key);
        String password = text(properties, key + "Password");
        String type = text(properties, key + "Type");
        if (path == null) {
            if (password != null || type != null) {
                throw new ConfigRefusedException(password != null ? key + "Password" : key + "Type", "is set but " + key + " is not");
            }
            return null;
        }
        return new StoreSettings(etcDir.resolve(path), password == null ? new char[0] : password.toCharArray(),
                type == null ? "PKCS12" : type.toUpperCase(Locale.ROOT));
    }

    private static List<DeviceMapping> devices(Map<String, ?> properties) throws ConfigRefusedException {
        // Config Admin keeps no order: group by device id and sort, so tags keep a stable order
        Map<String, Map<String, String>> byDevice = new TreeMap<>();
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(DEVICE)) {
                continue;
            }
            int dot = key.indexOf('.', DEVICE.length());
            if (dot < 0) {
                throw new ConfigRefusedException(key, "expected device.<id>.<setting>");
            }
            String id = key.substring(DEVICE.length(), dot);
            if (!ID.matcher(id).matches()) {
                throw new ConfigRefusedException(key, "device id '" + id + "' must be letters, digits, '_', '-'");
            }
            String setting = key.substring(dot + 1);
            if (!setting.startsWith("tag.") && !DEVICE_KEYS.contains(setting)) {
                throw new ConfigRefusedException(key, "unknown setting '" + setting + "'; expected one of "
                        + new java.util.TreeSet<>(DEVICE_KEYS) + " or tag.<name>");
            }
            byDevice.computeIfAbsent(id, k -> new TreeMap<>()).put(setting, String.valueOf(e.getValue()).trim());
        }
        if (byDevice.isEmpty()) {
            throw new ConfigRefusedException("device.*", "no devices: add device.<id>.format and its topic or node and tags");
        }
        List<DeviceMapping> devices = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : byDevice.entrySet()) {
            devices.add(DeviceMappingParser.parse(e.getKey(), e.getValue()));
        }
        return devices;
    }

    static String required(Map<String, ?> properties, String key) throws ConfigRefusedException {
        String value = text(properties, key);
        if (value == null) {
            throw new ConfigRefusedException(key, "is required");
        }
        return value;
    }

    static String text(Map<String, ?> properties, String key) {
        Object value = properties.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        return String.valueOf(value).trim();
    }

    static int intValue(Map<String, ?> properties, String key, int dflt, int min, int max) throws ConfigRefusedException {
        String value = text(properties, key);
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

    static boolean booleanValue(Map<String, ?> properties, String key, boolean dflt) throws ConfigRefusedException {
        String value = text(properties, key);
        if (value == null) {
            return dflt;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigRefusedException(key, "'" + value + "' must be true or false");
        };
    }
}
