package io.millwright.driver.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.millwright.api.device.DeviceStatus;
import io.millwright.api.sample.SampleSink;
import io.millwright.driver.mqtt.internal.config.ConnectionConfigParser;
import io.millwright.driver.mqtt.internal.device.MqttDevice;
import io.millwright.driver.mqtt.internal.sparkplug.SparkplugCodec;
import io.millwright.driver.mqtt.internal.sparkplug.SparkplugMetric;
import io.millwright.driver.mqtt.internal.sparkplug.SparkplugPayload;
import io.millwright.driver.support.testing.Await;
import java.io.File;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The driver against Debian's mosquitto (not Moquette): started here on a free loopback port with
 * a generated config, stopped at the end, and restarted once. Runs only with {@code -Pinterop};
 * installs mosquitto with apt-get when it is missing, and skips only when that is impossible.
 */
@Tag("interop")
class MosquittoInteropTest {

    private static final String MOSQUITTO = "/usr/sbin/mosquitto";
    private static final long WAIT_MS = 20_000;

    @Test
    void jsonSparkplugUpdateAndRestartAgainstMosquitto() throws Exception {
        ensureInstalled();
        Path dir = Path.of(System.getProperty("mqtt.test.dir", "target/mqtt-test")).toAbsolutePath().resolve("mosquitto");
        Files.createDirectories(dir);
        int port = TestBroker.freePort();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence true\npersistence_location "
                + dir + "/\nautosave_interval 1\nmax_queued_messages 10000\n");
        Process broker = start(conf, dir);
        RecordingSink sink = new RecordingSink();
        TestQuarantine quarantine = new TestQuarantine();
        Map<String, Object> cfg = Map.of("id", "interop", "uri", "tcp://127.0.0.1:" + port, "reconnectMaxDelay", "1000",
                "device.press01.format", "json", "device.press01.topic", "interop/+/telemetry",
                "device.press01.tag.count", "/count long",
                "device.edge1.format", "sparkplugb", "device.edge1.node", "G/edge1");
        MqttConnection c = new MqttConnection(new ConnectionConfigParser(dir).parse(cfg), () -> List.<SampleSink>of(sink),
                () -> quarantine);
        try {
            c.start();
            Await.until("connected", WAIT_MS, c::connected);
            try (TestClient pub = new TestClient("tcp://127.0.0.1:" + port, "interop-pub")) {
                pub.publish("interop/press01/telemetry", "{\"count\": 1}", 1);
                pub.publish("interop/press01/telemetry", "{\"count\": oops}", 1);
                pub.publish("spBv1.0/G/NBIRTH/edge1", SparkplugCodec.encode(new SparkplugPayload(1, 0,
                        List.of(SparkplugMetric.ofDouble("speed", 1, 4.5)))), 1);
                Await.until("json and sparkplug samples", WAIT_MS,
                        () -> sink.get("press01", "count") != null && sink.get("edge1", "speed") != null);
                Await.until("quarantined", WAIT_MS, () -> quarantine.count("mqtt:interop") == 1);

                // the driver is updated: the broker keeps its QoS 1 messages for the persistent session
                c.stop();
                for (int i = 2; i <= 101; i++) {
                    pub.publish("interop/press01/telemetry", "{\"count\": " + i + "}", 1);
                }
            }
            c = new MqttConnection(new ConnectionConfigParser(dir).parse(cfg), () -> List.<SampleSink>of(sink), () -> quarantine);
            c.start();
            Await.until("all 101", WAIT_MS, () -> sink.count("press01", "count") == 101);

            MqttDevice device = c.devices().stream().filter(d -> d.id().equals("press01")).findFirst().orElseThrow();
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
            Await.until("OFFLINE", WAIT_MS, () -> device.status() == DeviceStatus.OFFLINE);
            broker = start(conf, dir);
            Await.until("ONLINE again", WAIT_MS, () -> device.status() == DeviceStatus.ONLINE);
        } finally {
            c.stop();
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process start(Path conf, Path dir) throws Exception {
        Process p = new ProcessBuilder(MOSQUITTO, "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile())).start();
        int port = Integer.parseInt(Files.readAllLines(conf).get(0).split(" ")[1]);
        Await.until("mosquitto listening on " + port, WAIT_MS, () -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            } catch (Exception e) {
                return false;
            }
        });
        return p;
    }

    private static void ensureInstalled() throws Exception {
        if (new File(MOSQUITTO).canExecute()) {
            return;
        }
        try {
            Process apt = new ProcessBuilder("apt-get", "install", "-y", "mosquitto").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            apt.waitFor(300, TimeUnit.SECONDS);
        } catch (Exception e) {
            // reported by the assumption below
        }
        assumeTrue(new File(MOSQUITTO).canExecute(), "mosquitto is not installed and apt-get could not install it");
    }
}
