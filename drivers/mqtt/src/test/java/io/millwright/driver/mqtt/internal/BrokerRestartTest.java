package io.millwright.driver.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.device.DeviceStatus;
import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import io.millwright.driver.mqtt.internal.config.ConnectionConfigParser;
import io.millwright.driver.mqtt.internal.device.MqttDevice;
import io.millwright.driver.support.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A broker that goes away and comes back: status follows, the session survives, and nothing published meanwhile is lost. */
class BrokerRestartTest {

    private static final long WAIT_MS = 20_000;

    private static Path dir(String name) throws Exception {
        Path root = Path.of(System.getProperty("mqtt.test.dir", "target/mqtt-test")).toAbsolutePath();
        Files.createDirectories(root);
        return Files.createTempDirectory(root, name);
    }

    @Test
    void statusGoesOfflineAndBackAndQos1MessagesPublishedMeanwhileAllArrive() throws Exception {
        TestBroker broker = new TestBroker(dir("restart")).start();
        RecordingSink sink = new RecordingSink();
        List<DeviceStatus> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        MqttConnection c = new MqttConnection(new ConnectionConfigParser(Path.of(".")).parse(Map.of(
                "id", "restart", "uri", broker.uri(), "reconnectMaxDelay", "2000",
                "device.press07.format", "json", "device.press07.topic", "restart/press07",
                "device.press07.tag.n", "/n long")), () -> List.<SampleSink>of(sink), () -> new TestQuarantine());
        MqttDevice device = c.devices().get(0);
        device.listener(seen::add);
        try {
            c.start();
            Await.until("ONLINE", WAIT_MS, () -> device.status() == DeviceStatus.ONLINE && c.connected());

            broker.stop();
            Await.until("OFFLINE while the broker is away", WAIT_MS, () -> device.status() == DeviceStatus.OFFLINE);
            assertThat(device.statusDetail()).contains(broker.uri());

            broker.start();
            // published before the driver is back: the broker holds them in the driver's persistent session
            try (TestClient publisher = new TestClient(broker.uri(), "restart-publisher")) {
                for (int i = 1; i <= 200; i++) {
                    publisher.publish("restart/press07", "{\"n\":" + i + "}", 1);
                }
            }
            Await.until("ONLINE by itself", WAIT_MS, () -> device.status() == DeviceStatus.ONLINE);
            Await.until("all 200 messages", WAIT_MS, () -> sink.count("press07", "n") == 200,
                    () -> "got " + sink.count("press07", "n"));
            List<Long> values = new ArrayList<>(sink.all.stream().map(Sample::asLong).toList());
            assertThat(values).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
            assertThat(device.reconnectCount()).isEqualTo(1);
            assertThat(seen).containsSubsequence(DeviceStatus.ONLINE, DeviceStatus.OFFLINE, DeviceStatus.ONLINE);
        } finally {
            c.stop();
            broker.stop();
        }
    }

    @Test
    void secretsAreNeverLogged() throws Exception {
        String secret = "s3cret-Pa55word";
        Path users = dir("auth").resolve("passwords.conf");
        // Moquette's password file: user:sha256-hex of the password; ours is the wrong one on purpose
        Files.writeString(users, "plant:" + "0".repeat(64) + "\n");
        java.util.Properties p = new java.util.Properties();
        p.setProperty("allow_anonymous", "false");
        p.setProperty("password_file", users.toString());
        TestBroker broker = new TestBroker(dir("authbroker"), p).start();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        MqttConnection c = null;
        try {
            Map<String, Object> cfg = Map.of("id", "secret", "uri", broker.uri(), "username", "plant", "password", secret,
                    "reconnectMaxDelay", "200", "device.press08.format", "json", "device.press08.topic", "s/press08",
                    "device.press08.tag.n", "/n long");
            var settings = new ConnectionConfigParser(Path.of(".")).parse(cfg);
            assertThat(settings.toString()).doesNotContain(secret).contains("****");
            c = new MqttConnection(settings, List::of, TestQuarantine::new);
            c.start();
            MqttDevice device = c.devices().get(0);
            Await.until("refused by the broker", WAIT_MS, () -> device.status() == DeviceStatus.OFFLINE
                    && device.statusDetail().contains("cannot connect"));
            Await.until("a logged refusal", WAIT_MS, () -> captured.toString(StandardCharsets.UTF_8).contains("cannot connect"));
            assertThat(device.statusDetail()).doesNotContain(secret);
        } finally {
            if (c != null) {
                c.stop();
            }
            System.setErr(original);
            broker.stop();
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("MQTT connection secret").doesNotContain(secret);
    }
}
