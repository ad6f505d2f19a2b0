package io.millwright.mqtt.broker.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * The broker's configuration, checked: every refusal names the key in
 * {@code etc/io.millwright.mqtt.broker.cfg} and the value. Off loopback, anonymous access is
 * refused, so that a changed host never opens the plant's MQTT to anyone on the network.
 */
record BrokerSettings(String host, int port, Path dataDirectory, boolean allowAnonymous, String username, char[] password) {

    static final String FILE = "etc/io.millwright.mqtt.broker.cfg";

    /** A configuration that cannot be used, naming the key. */
    static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(String key, String why) {
            super(FILE + ": " + key + ": " + why);
        }
    }

    /** @param karafData {@code karaf.data}, or null outside Karaf (then the data directory must be set) */
    static BrokerSettings of(BrokerConfig config, String karafData) throws RefusedException {
        String host = config.host() == null ? "" : config.host().trim();
        if (host.isEmpty()) {
            throw new RefusedException("host", "empty; 127.0.0.1 keeps the broker on this machine");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedException("host", "'" + host + "' cannot be resolved");
        }
        if (config.port() < 1 || config.port() > 65535) {
            throw new RefusedException("port", config.port() + " must be 1 to 65535");
        }
        String username = config.username() == null ? "" : config.username().trim();
        String password = config.password() == null ? "" : config.password();
        if (username.isEmpty() != password.isEmpty()) {
            throw new RefusedException(username.isEmpty() ? "username" : "password",
                    "username and password go together; set both or neither");
        }
        if (!config.allowAnonymous() && username.isEmpty()) {
            throw new RefusedException("allowAnonymous", "false, but no username and password are set: nobody could connect");
        }
        if (config.allowAnonymous() && !address.isLoopbackAddress()) {
            throw new RefusedException("allowAnonymous", "true while host " + host + " is not a loopback address;"
                    + " set allowAnonymous = false with a username and password, or host = 127.0.0.1");
        }
        Path data;
        String dir = config.dataDirectory() == null ? "" : config.dataDirectory().trim();
        if (!dir.isEmpty()) {
            data = Path.of(dir);
        } else if (karafData != null) {
            data = Path.of(karafData, "millwright", "mqtt-broker");
        } else {
            throw new RefusedException("dataDirectory", "empty, and karaf.data is not set");
        }
        return new BrokerSettings(host, config.port(), data.toAbsolutePath(), config.allowAnonymous(),
                username.isEmpty() ? null : username, password.isEmpty() ? null : password.toCharArray());
    }

    String endpoint() {
        return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return endpoint() + ", data " + dataDirectory + ", anonymous " + (allowAnonymous ? "allowed" : "refused")
                + (username == null ? "" : ", user " + username + " (password ****)");
    }
}
