package io.millwright.driver.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.device.DeviceStatus;
import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import io.millwright.driver.mqtt.internal.config.ConnectionConfigParser;
import io.millwright.driver.mqtt.internal.device.MqttDevice;
import io.millwright.driver.support.sparkplug.SparkplugCodec;
import io.millwright.driver.support.sparkplug.SparkplugMetric;
import io.millwright.driver.support.sparkplug.SparkplugPayload;
import io.millwright.driver.support.testing.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The driver against Debian's mosquitto (not Moquette), started here on a free loopback port with
 * a generated config and stopped at the end. Runs only with {@code -Pinterop}; {@code .ci/run}
 * installs the {@code mosquitto} package where it is missing, and without it this test fails.
 */
@Tag("interop")
class MosquittoInteropTest {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    private static final long WAIT_MS = 20_000;

    /** One mosquitto process on its config; restartable, so its persistence file carries sessions across. */
    private static final class Mosquitto implements AutoCloseable {
        final Path dir;
        final int port;
        private Process process;

        Mosquitto(Path dir) throws IOException {
            this.dir = dir;
            this.port = TestBroker.freePort();
            // as root, mosquitto would switch to the 'mosquitto' user and could not write its database here
            Files.writeString(dir.resolve("mosquitto.conf"), "listener " + port + " 127.0.0.1\n"
                    + "allow_anonymous true\n"
                    + "user " + System.getProperty("user.name") + "\n"
                    + "persistence true\n"
                    + "persistence_location " + dir + "/\n"
                    + "autosave_interval 1\n"
                    + "max_queued_messages 10000\n");
        }

        String uri() {
            return "tcp://127.0.0.1:" + port;
        }

        void start() throws IOException {
            process = new ProcessBuilder(MOSQUITTO.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile())).start();
            Await.until("mosquitto listening on " + port, WAIT_MS, this::listening,
                    () -> "(see " + dir.resolve("mosquitto.log") + ")");
        }

        private boolean listening() {
            if (!process.isAlive()) {
                throw new AssertionError("mosquitto exited with " + process.exitValue() + ", see " + dir.resolve("mosquitto.log"));
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        /** SIGTERM: mosquitto saves its database on the way out. */
        void stop() throws InterruptedException {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                process = null;
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }

    @Test
    void jsonSparkplugUpdateAndRestartAgainstMosquitto() throws Exception {
        assertThat(MOSQUITTO).as("Debian's mosquitto (apt-get install -y mosquitto; .ci/run installs it)").isExecutable();
        Path dir = Path.of(System.getProperty("mqtt.test.dir", "target/mqtt-test")).toAbsolutePath();
        Files.createDirectories(dir);
        RecordingSink sink = new RecordingSink();
        TestQuarantine quarantine = new TestQuarantine();
        try (Mosquitto broker = new Mosquitto(Files.createTempDirectory(dir, "mosquitto"))) {
            broker.start();
            Map<String, Object> cfg = Map.of("id", "interop", "uri", broker.uri(), "reconnectMaxDelay", "1000",
                    "device.press01.format", "json", "device.press01.topic", "interop/+/telemetry",
                    "device.press01.tag.count", "/count long",
                    "device.edge1.format", "sparkplugb", "device.edge1.node", "G/edge1");
            MqttConnection c = connection(cfg, broker.dir, sink, quarantine);
            try {
                try (TestClient pub = new TestClient(broker.uri(), "interop-pub")) {
                    pub.publish("interop/press01/telemetry", "{\"count\": 1}", 1);
                    pub.publish("interop/press01/telemetry", "{\"count\": oops}", 1);
                    pub.publish("spBv1.0/G/NBIRTH/edge1", SparkplugCodec.encode(new SparkplugPayload(1, 0,
                            List.of(SparkplugMetric.ofDouble("speed", 1, 4.5)))), 1);
                    Await.until("json and sparkplug samples", WAIT_MS,
                            () -> sink.get("press01", "count") != null && sink.get("edge1", "speed") != null);
                    Await.until("quarantined", WAIT_MS, () -> quarantine.count("mqtt:interop") == 1);
                    assertThat(quarantine.list("mqtt:interop", 1).get(0).reason()).contains("not JSON");

                    // the driver is updated: the broker keeps its QoS 1 messages for the persistent session
                    c.stop();
                    publishCounts(pub, 2, 101);
                }
                c = connection(cfg, broker.dir, sink, quarantine);
                Await.until("all 101 after the update", WAIT_MS, () -> sink.count("press01", "count") == 101);

                MqttDevice device = c.devices().stream().filter(d -> d.id().equals("press01")).findFirst().orElseThrow();
                broker.stop();
                Await.until("OFFLINE while mosquitto is away", WAIT_MS, () -> device.status() == DeviceStatus.OFFLINE);
                broker.start();
                Await.until("ONLINE again by itself", WAIT_MS, () -> device.status() == DeviceStatus.ONLINE);

                // the session survives mosquitto's own restart (persistence): what it queued arrives afterwards
                c.stop();
                broker.stop();
                broker.start();
                try (TestClient pub = new TestClient(broker.uri(), "interop-pub")) {
                    publishCounts(pub, 102, 201);
                }
                c = connection(cfg, broker.dir, sink, quarantine);
                // at least once: mosquitto 2.0.11 redelivers, after its restart, messages a restored session had
                // already acknowledged (seen: 9..101 again), so this checks that none is missing, not the count
                Await.until("every count up to 201 after mosquitto's restart", WAIT_MS, () -> distinctCounts(sink) == 201,
                        () -> "got " + distinctCounts(sink) + " distinct of " + sink.count("press01", "count"));
            } finally {
                c.stop();
            }
        }
    }

    private static MqttConnection connection(Map<String, Object> cfg, Path dir, RecordingSink sink, TestQuarantine quarantine)
            throws Exception {
        MqttConnection c = new MqttConnection(new ConnectionConfigParser(dir).parse(cfg), () -> List.<SampleSink>of(sink),
                () -> quarantine);
        c.start();
        Await.until("connected", WAIT_MS, c::connected);
        return c;
    }

    private static long distinctCounts(RecordingSink sink) {
        return sink.all.stream().filter(s -> s.tag().equals("count")).map(Sample::asLong).distinct().count();
    }

    private static void publishCounts(TestClient pub, int from, int to) throws Exception {
        for (int i = from; i <= to; i++) {
            pub.publish("interop/press01/telemetry", "{\"count\": " + i + "}", 1);
        }
    }
}
