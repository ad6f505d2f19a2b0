package io.millwright.driver.opcua.internal.config;

import io.millwright.driver.opcua.internal.pki.PemFiles;
import io.millwright.driver.support.config.ConfigRefusedException;
import io.millwright.driver.support.config.DeviceProperties;
import io.millwright.driver.support.config.DeviceTags;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Validates a device configuration from its raw properties (as Config Admin hands them over) into
 * {@link DeviceSettings}, or refuses it naming the key, or the CSV file, line and column. No
 * message it produces contains the password.
 */
public final class DeviceConfigParser {

    private static final DeviceTags<TagDefinition> TAGS = new DeviceTags<>(InlineTagParser::parse, TagCsvReader::read,
            TagDefinition::name, "<nodeId> [type]");

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

    public DeviceSettings parse(Map<String, ?> raw) throws ConfigRefusedException {
        DeviceProperties properties = new DeviceProperties(raw);
        String id = properties.id();
        String endpointUrl = endpointUrl(properties.required("endpointUrl"));
        Policy policy = policy(properties);
        SecurityMode mode = mode(properties, policy);
        Identity identity = identity(properties);
        boolean tofu = properties.booleanValue("trustOnFirstUse", false);
        int maxItems = properties.intValue("maxItemsPerSubscription", 1000, 1, 100_000);
        int publishing = properties.intValue("publishingInterval", 1000, 10, 3_600_000);
        int requestTimeout = properties.intValue("requestTimeout", 10_000, 100, 600_000);
        int reconnectMaxDelay = properties.intValue("reconnectMaxDelay", 30_000, 100, 3_600_000);
        String pki = properties.text("pkiDir");
        Path pkiDir = pki == null ? defaultPki : etcDir.resolve(pki);
        List<TagDefinition> tags = TAGS.read(properties, etcDir);
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

    private static Policy policy(DeviceProperties properties) throws ConfigRefusedException {
        String text = properties.text("securityPolicy");
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

    private static SecurityMode mode(DeviceProperties properties, Policy policy) throws ConfigRefusedException {
        String text = properties.text("securityMode");
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

    private Identity identity(DeviceProperties properties) throws ConfigRefusedException {
        String kind = properties.text("identity");
        if (kind == null || kind.equals("anonymous")) {
            return Identity.anonymous();
        }
        if (kind.equals("username")) {
            String user = properties.required("username");
            Object password = properties.raw("password");
            if (password == null || String.valueOf(password).isEmpty()) {
                throw new ConfigRefusedException("password", "is required with identity=username");
            }
            return new Identity(Identity.Kind.username, user, String.valueOf(password), null, null);
        }
        if (kind.equals("x509")) {
            Path cert = etcDir.resolve(properties.required("userCertificate"));
            Path key = etcDir.resolve(properties.required("userPrivateKey"));
            // read both now, so a missing or unusable file refuses the configuration instead of failing every connect
            try {
                PemFiles.readCertificates(cert);
            } catch (IOException | RuntimeException e) {
                throw unreadable("userCertificate", cert, e);
            }
            try {
                PemFiles.readPrivateKey(key);
            } catch (IOException | RuntimeException e) {
                throw unreadable("userPrivateKey", key, e);
            }
            return new Identity(Identity.Kind.x509, null, null, cert, key);
        }
        throw new ConfigRefusedException("identity", "'" + kind + "' must be anonymous, username or x509");
    }

    /** Names the file; the messages of PemFiles and the JDK carry no key material. */
    private static ConfigRefusedException unreadable(String key, Path file, Exception e) {
        String why = e instanceof NoSuchFileException ? "no such file"
                : e instanceof AccessDeniedException ? "not readable" : String.valueOf(e.getMessage());
        return new ConfigRefusedException(key, why.contains(file.toString()) ? why : file + ": " + why);
    }
}
