package io.millwright.mqtt.broker.internal;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.List;
import java.util.Properties;

/**
 * One Moquette 0.17 server on the configured address, with persistent sessions in the data
 * directory (so a driver's QoS 1 messages wait across a broker restart). Owns Moquette's threads:
 * {@link #stop} ends them.
 */
final class EmbeddedBroker {

    /** Moquette's default (8092 bytes) is too small for Sparkplug B births. */
    static final int MAX_MESSAGE_BYTES = 1024 * 1024;

    private final BrokerSettings settings;
    private Server server;

    EmbeddedBroker(BrokerSettings settings) {
        this.settings = settings;
    }

    /** Starts listening, or throws naming the address; nothing is left running when it throws. */
    void start() throws IOException {
        Files.createDirectories(settings.dataDirectory());
        Properties p = new Properties();
        p.setProperty("host", settings.host());
        p.setProperty("port", Integer.toString(settings.port()));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", Boolean.toString(settings.allowAnonymous()));
        p.setProperty("persistence_enabled", "true");
        p.setProperty("data_path", settings.dataDirectory().toString());
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("immediate_buffer_flush", "true");
        p.setProperty("netty.mqtt.message_size", Integer.toString(MAX_MESSAGE_BYTES));
        Server s = new Server();
        try {
            s.startServer(new MemoryConfig(p), List.of(), null, authenticator(), null);
        } catch (RuntimeException | IOException e) {
            stopQuietly(s);
            throw new IOException(describe(e), e);
        }
        server = s;
    }

    void stop() {
        Server s = server;
        server = null;
        if (s != null) {
            s.stopServer();
        }
    }

    boolean running() {
        return server != null;
    }

    /** The one configured user, compared in constant time; with none, Moquette accepts any login (anonymous rules apply). */
    private IAuthenticator authenticator() {
        if (settings.username() == null) {
            return null;
        }
        byte[] expected = new String(settings.password()).getBytes(StandardCharsets.UTF_8);
        return (clientId, username, password) -> settings.username().equals(username) && password != null
                && MessageDigest.isEqual(expected, password);
    }

    private static void stopQuietly(Server s) {
        try {
            s.stopServer();
        } catch (RuntimeException e) {
            // half started: what did start is stopped as far as Moquette can
        }
    }

    private String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return "cannot listen on " + settings.endpoint() + ": " + t.getMessage()
                        + " (another broker, for example mosquitto, on this port?)";
            }
        }
        return "cannot start on " + settings.endpoint() + " with sessions in " + settings.dataDirectory() + ": "
                + (e.getMessage() == null ? e.toString() : e.getMessage());
    }
}
