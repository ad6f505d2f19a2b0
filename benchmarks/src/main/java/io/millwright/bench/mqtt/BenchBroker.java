package io.millwright.bench.mqtt;

import io.moquette.broker.Server;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The broker of the benchmark on a free loopback port: Debian's mosquitto as a child process
 * (unbounded queues, 1000 in flight per client, no persistence), or Moquette 0.17 in this JVM (as
 * the driver's tests start it, but with in-memory sessions).
 */
final class BenchBroker implements AutoCloseable {

    private final String kind;
    private final int port;
    private Server moquette;
    private Process mosquitto;

    BenchBroker(String kind, Path dir) throws IOException, InterruptedException {
        this.kind = kind;
        this.port = freePort();
        Files.createDirectories(dir);
        switch (kind) {
            case "moquette" -> {
                Properties p = new Properties();
                p.setProperty("port", String.valueOf(port));
                p.setProperty("host", "127.0.0.1");
                p.setProperty("websocket_port", "disabled");
                p.setProperty("allow_anonymous", "true");
                // QoS 1 queues in memory: H2 persistence would measure the disk, not the clients
                p.setProperty("persistence_enabled", "false");
                p.setProperty("data_path", dir.toString());
                p.setProperty("telemetry_enabled", "false");
                p.setProperty("immediate_buffer_flush", "false");
                moquette = new Server();
                moquette.startServer(p);
            }
            case "mosquitto" -> {
                Path conf = dir.resolve("mosquitto.conf");
                Files.writeString(conf, String.join("\n",
                        "listener " + port + " 127.0.0.1",
                        "allow_anonymous true",
                        "persistence false",
                        "max_inflight_messages 1000",
                        "max_queued_messages 0",
                        "max_queued_bytes 0",
                        "log_type error", ""));
                mosquitto = new ProcessBuilder("/usr/sbin/mosquitto", "-c", conf.toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
                awaitPort();
            }
            default -> throw new IllegalArgumentException("broker must be moquette or mosquitto, not " + kind);
        }
    }

    String description() {
        return kind.equals("moquette") ? "Moquette 0.17 in the benchmark JVM (in-memory sessions)"
                : "Debian mosquitto (/usr/sbin/mosquitto) as a child process";
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    private void awaitPort() throws InterruptedException, IOException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline || !mosquitto.isAlive()) {
                    throw new IOException("mosquitto did not listen on " + port, e);
                }
                Thread.sleep(50);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (moquette != null) {
            moquette.stopServer();
        }
        if (mosquitto != null) {
            mosquitto.destroy();
        }
    }
}
