package io.millwright.simulator.mqtt.internal;

import io.moquette.broker.Server;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;

/** An embedded Moquette broker on a free loopback port, in memory, that can be stopped and started again on the same port. */
final class TestBroker implements AutoCloseable {

    private final int port;
    private Server server;

    TestBroker() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    TestBroker start() throws IOException {
        Properties p = new Properties();
        p.setProperty("port", String.valueOf(port));
        p.setProperty("host", "127.0.0.1");
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("immediate_buffer_flush", "true");
        server = new Server();
        server.startServer(p);
        return this;
    }

    /** Starts the broker unless it runs already (a test that stopped it failed before starting it again). */
    void ensureStarted() throws IOException {
        if (server == null) {
            start();
        }
    }

    void stop() {
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
