package io.millwright.simulator.opcua.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The OPC UA server's configuration, checked: a value that cannot be used is refused with an
 * {@link InvalidSettingException} naming its key.
 *
 * @param securityPolicies Milo {@code SecurityPolicy} names, None first when offered
 * @param user             empty when no user name is accepted
 */
public record OpcUaSettings(int port, String bindAddress, String hostname, String path, List<String> securityPolicies,
        boolean allowAnonymous, String user, String password, Path pkiDir, boolean trustAllClients) {

    /** The security policies this server can offer, by their Milo names. */
    public static final Set<String> KNOWN_POLICIES = Set.of("None", "Basic256Sha256", "Aes128_Sha256_RsaOaep",
            "Aes256_Sha256_RsaPss");

    /**
     * @param karafData the {@code karaf.data} directory, or {@code null} outside Karaf (then
     *                  {@code pkiDir} defaults to {@code data/millwright/simulator-pki} under the working directory)
     */
    public static OpcUaSettings from(OpcUaConfig c, String karafData) {
        int port = whole("port", c.port(), 1, 65_535);
        String bind = c.bindAddress().trim();
        if (bind.isEmpty()) {
            throw new InvalidSettingException("bindAddress", bind, "an address to listen on is needed, e.g. 127.0.0.1");
        }
        String hostname = c.hostname().trim();
        if (hostname.isEmpty()) {
            hostname = "0.0.0.0".equals(bind) ? "localhost" : bind;
        }
        String path = c.path().trim();
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw new InvalidSettingException("path", path, "a path starts with '/', e.g. /simulator");
        }
        List<String> policies = policies(c.securityPolicies());
        boolean anonymous = flag("allowAnonymous", c.allowAnonymous());
        String user = c.user().trim();
        if (!user.isEmpty() && c.password().isEmpty()) {
            throw new InvalidSettingException("password", "", "a password is needed with user '" + user + "'");
        }
        if (!anonymous && user.isEmpty()) {
            throw new InvalidSettingException("allowAnonymous", c.allowAnonymous(),
                    "with anonymous sessions refused, set user and password so that someone can log in");
        }
        String pki = c.pkiDir().trim();
        Path pkiDir = !pki.isEmpty() ? Path.of(pki)
                : Path.of(karafData == null ? "data" : karafData, "millwright", "simulator-pki");
        return new OpcUaSettings(port, bind, hostname, path, policies, anonymous, user, c.password(),
                pkiDir.toAbsolutePath().normalize(), flag("trustAllClients", c.trustAllClients()));
    }

    /** The URL clients use, e.g. {@code opc.tcp://127.0.0.1:4840}. */
    public String endpointUrl() {
        return "opc.tcp://" + hostname + ":" + port + path;
    }

    @Override
    public String toString() {
        // the password stays out of logs and shell output
        return endpointUrl() + " " + securityPolicies + (user.isEmpty() ? "" : ", user " + user);
    }

    private static List<String> policies(String text) {
        List<String> policies = new ArrayList<>();
        for (String part : text.split("[;,]")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            String known = KNOWN_POLICIES.stream().filter(p -> p.equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new InvalidSettingException("securityPolicies", name,
                            "is not one of " + String.join(", ", KNOWN_POLICIES.stream().sorted().toList())));
            if (!policies.contains(known)) {
                policies.add(known);
            }
        }
        if (policies.isEmpty()) {
            throw new InvalidSettingException("securityPolicies", text, "at least one security policy is needed");
        }
        policies.sort((a, b) -> a.equals("None") ? -1 : b.equals("None") ? 1 : 0);
        return List.copyOf(policies);
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

    private static boolean flag(String key, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSettingException(key, text, "must be true or false");
        };
    }
}
