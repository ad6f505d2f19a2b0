package io.millwright.driver.mqtt.internal;

import io.moquette.broker.Server;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** An embedded Moquette broker on a free loopback port, persisting sessions to a folder so they survive a restart. */
public final class TestBroker implements AutoCloseable {

    private final int port;
    private final Path dataDir;
    private final Properties extra;
    private Server server;

    public TestBroker(Path dataDir) throws IOException {
        this(dataDir, new Properties());
    }

    public TestBroker(Path dataDir, Properties extra) throws IOException {
        this.port = freePort();
        this.dataDir = dataDir;
        this.extra = extra;
        Files.createDirectories(dataDir);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public TestBroker start() throws IOException {
        Properties p = new Properties();
        p.setProperty("port", String.valueOf(port));
        p.setProperty("host", "127.0.0.1");
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "true");
        p.setProperty("data_path", dataDir.toString());
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("immediate_buffer_flush", "true");
        p.putAll(extra);
        server = new Server();
        server.startServer(p);
        return this;
    }

    public void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
