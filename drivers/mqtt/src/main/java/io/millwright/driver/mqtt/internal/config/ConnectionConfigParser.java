package io.millwright.driver.mqtt.internal.config;

import io.millwright.driver.support.config.ConfigRefusedException;
import io.millwright.driver.support.config.DeviceProperties;
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
    private static final Set<String> DEVICE_KEYS = Set.of("format", "topic", "timestamp", "node", "qos", "historize",
            "reporting");

    private final Path etcDir;

    /** @param etcDir where relative store paths are looked for */
    public ConnectionConfigParser(Path etcDir) {
        this.etcDir = etcDir;
    }

    public ConnectionSettings parse(Map<String, ?> raw) throws ConfigRefusedException {
        DeviceProperties properties = new DeviceProperties(raw);
        // not DeviceProperties.id(): no '.', which separates device.<id>.<setting>
        String id = properties.required("id");
        if (!ID.matcher(id).matches()) {
            throw new ConfigRefusedException("id", "'" + id + "' must be letters, digits, '_', '-'");
        }
        String uri = uri(properties.required("uri"));
        String clientId = properties.text("clientId");
        if (clientId == null) {
            clientId = "millwright-" + id;
        } else if (clientId.length() > 65535) {
            throw new ConfigRefusedException("clientId", "longer than 65535 characters");
        }
        String username = properties.text("username");
        String password = properties.text("password");
        if (password != null && username == null) {
            throw new ConfigRefusedException("password", "is set but username is not");
        }
        StoreSettings trust = store(properties, "trustStore");
        StoreSettings key = store(properties, "keyStore");
        if ((trust != null || key != null) && !uri.startsWith("ssl://")) {
            throw new ConfigRefusedException(trust != null ? "trustStore" : "keyStore", "is set but uri is not ssl://");
        }
        boolean cleanSession = booleanValue(properties, "cleanSession", false);
        int keepAlive = properties.intValue("keepAlive", 30, 0, 65535);
        int connectTimeout = properties.intValue("connectTimeout", 10, 1, 600);
        int reconnectMax = properties.intValue("reconnectMaxDelay", 30_000, 100, 3_600_000);
        List<DeviceMapping> devices = devices(raw);
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

    private StoreSettings store(DeviceProperties properties, String key) throws ConfigRefusedException {
        String path = properties.text(key);
        String password = properties.text(key + "Password");
        String type = properties.text(key + "Type");
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

    /**
     * Also {@code yes}/{@code on}, {@code no}/{@code off}, and refused without repeating the key:
     * not {@link DeviceProperties#booleanValue}, whose words and message differ.
     */
    static boolean booleanValue(DeviceProperties properties, String key, boolean dflt) throws ConfigRefusedException {
        String value = properties.text(key);
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
