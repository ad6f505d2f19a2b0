package io.millwright.driver.opcua.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Validates a device configuration from its raw properties (as Config Admin hands them over) into
 * {@link DeviceSettings}, or refuses it naming the key, or the CSV file, line and column. No
 * message it produces contains the password.
 */
public final class DeviceConfigParser {

    public static final String TAG_FILE = "tagFile";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path etcDir;
    private final Path defaultPki;

    /**
     * @param etcDir     where a relative {@code tagFile}, {@code pkiDir} or certificate file is looked for
     * @param defaultPki the PKI folder when the file names none
     */
    public DeviceConfigParser(Path etcDir, Path defaultPki) {
        this.etcDir = etcDir;
        this.defaultPki = defaultPki;
    }

    public DeviceSettings parse(Map<String, ?> properties) throws ConfigRefusedException {
        String id = required(properties, "id");
        if (!ID.matcher(id).matches()) {
            throw new ConfigRefusedException("id", "'" + id + "' must be letters, digits, '.', '_', '-'");
        }
        String endpointUrl = endpointUrl(required(properties, "endpointUrl"));
        Policy policy = policy(properties);
        SecurityMode mode = mode(properties, policy);
        Identity identity = identity(properties);
        boolean tofu = booleanValue(properties, "trustOnFirstUse", false);
        int maxItems = intValue(properties, "maxItemsPerSubscription", 1000, 1, 100_000);
        int publishing = intValue(properties, "publishingInterval", 1000, 10, 3_600_000);
        int requestTimeout = intValue(properties, "requestTimeout", 10_000, 100, 600_000);
        int reconnectMaxDelay = intValue(properties, "reconnectMaxDelay", 30_000, 100, 3_600_000);
        String pki = text(properties, "pkiDir");
        Path pkiDir = pki == null ? defaultPki : etcDir.resolve(pki);
        List<TagDefinition> tags = tags(properties);
        return new DeviceSettings(id, endpointUrl, policy, mode, identity, tofu, maxItems, publishing, pkiDir,
                requestTimeout, reconnectMaxDelay, tags);
    }

    private static String endpointUrl(String url) throws ConfigRefusedException {
        try {
            URI uri = new URI(url);
            if (!"opc.tcp".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigRefusedException("endpointUrl", "'" + url + "' must be opc.tcp://<host>:<port>[/path]");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new ConfigRefusedException("endpointUrl", "'" + url + "' is not a URL: " + e.getReason());
        }
    }

    private static Policy policy(Map<String, ?> properties) throws ConfigRefusedException {
        String text = text(properties, "securityPolicy");
        if (text == null) {
            return Policy.None;
        }
        Policy p = Policy.parse(text);
        if (p == null) {
            throw new ConfigRefusedException("securityPolicy", "'" + text
                    + "' must be None, Basic256Sha256, Aes128_Sha256_RsaOaep or Aes256_Sha256_RsaPss");
        }
        return p;
    }

    private static SecurityMode mode(Map<String, ?> properties, Policy policy) throws ConfigRefusedException {
        String text = text(properties, "securityMode");
        SecurityMode m = text == null ? (policy == Policy.None ? SecurityMode.None : SecurityMode.SignAndEncrypt)
                : SecurityMode.parse(text);
        if (m == null) {
            throw new ConfigRefusedException("securityMode", "'" + text + "' must be None, Sign or SignAndEncrypt");
        }
        if ((policy == Policy.None) != (m == SecurityMode.None)) {
            throw new ConfigRefusedException("securityMode", "'" + m + "' does not go with securityPolicy " + policy
                    + ": None goes only with None");
        }
        return m;
    }

    private Identity identity(Map<String, ?> properties) throws ConfigRefusedException {
        String kind = text(properties, "identity");
        if (kind == null || kind.equals("anonymous")) {
            return Identity.anonymous();
        }
        if (kind.equals("username")) {
            String user = required(properties, "username");
            Object password = properties.get("password");
            if (password == null || String.valueOf(password).isEmpty()) {
                throw new ConfigRefusedException("password", "is required with identity=username");
            }
            return new Identity(Identity.Kind.username, user, String.valueOf(password), null, null);
        }
        if (kind.equals("x509")) {
            Path cert = etcDir.resolve(required(properties, "userCertificate"));
            Path key = etcDir.resolve(required(properties, "userPrivateKey"));
            return new Identity(Identity.Kind.x509, null, null, cert, key);
        }
        throw new ConfigRefusedException("identity", "'" + kind + "' must be anonymous, username or x509");
    }

    private List<TagDefinition> tags(Map<String, ?> properties) throws ConfigRefusedException {
        List<TagDefinition> tags = new ArrayList<>();
        // Config Admin keeps no order: sort the inline tags by key so the order is stable
        Map<String, Object> inline = new TreeMap<>();
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            if (e.getKey().startsWith(InlineTagParser.PREFIX)) {
                inline.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, Object> e : inline.entrySet()) {
            tags.add(InlineTagParser.parse(e.getKey(), String.valueOf(e.getValue())));
        }
        String tagFile = text(properties, TAG_FILE);
        if (tagFile != null) {
            tags.addAll(TagCsvReader.read(etcDir.resolve(tagFile)));
        }
        if (tags.isEmpty()) {
            throw new ConfigRefusedException("tag.*", "no tags: add tag.<name> = <nodeId> [type] keys or a tagFile");
        }
        Set<String> names = new HashSet<>();
        for (TagDefinition t : tags) {
            if (!names.add(t.name())) {
                throw new ConfigRefusedException("tag." + t.name(), "tag '" + t.name() + "' is defined twice (inline and/or in "
                        + (tagFile == null ? "the file" : tagFile) + ")");
            }
        }
        return tags;
    }

    private static String required(Map<String, ?> properties, String key) throws ConfigRefusedException {
        String value = text(properties, key);
        if (value == null) {
            throw new ConfigRefusedException(key, "is required");
        }
        return value;
    }

    private static String text(Map<String, ?> properties, String key) {
        Object value = properties.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        return String.valueOf(value).trim();
    }

    private static int intValue(Map<String, ?> properties, String key, int dflt, int min, int max)
            throws ConfigRefusedException {
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

    private static boolean booleanValue(Map<String, ?> properties, String key, boolean dflt) throws ConfigRefusedException {
        try {
            return TagFields.parseBoolean(key, text(properties, key), dflt);
        } catch (TagFields.FieldProblem p) {
            throw new ConfigRefusedException(key, p.getMessage());
        }
    }
}
