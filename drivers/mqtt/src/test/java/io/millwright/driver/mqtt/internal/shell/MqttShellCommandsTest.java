package io.millwright.driver.mqtt.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.api.sample.SampleSink;
import io.millwright.driver.mqtt.internal.MqttConnection;
import io.millwright.driver.mqtt.internal.MqttConnections;
import io.millwright.driver.mqtt.internal.RecordingSink;
import io.millwright.driver.mqtt.internal.TestBroker;
import io.millwright.driver.mqtt.internal.TestClient;
import io.millwright.driver.mqtt.internal.config.ConnectionConfigParser;
import io.millwright.driver.support.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** mqtt-topics and quarantine over a live connection, with the in-memory quarantine (no service bound). */
class MqttShellCommandsTest {

    @Test
    void topicsListAndQuarantineListShowAndReplay() throws Exception {
        Path root = Path.of(System.getProperty("mqtt.test.dir", "target/mqtt-test")).toAbsolutePath();
        Files.createDirectories(root);
        MqttConnections connections = new MqttConnections();
        RecordingSink sink = new RecordingSink();
        try (TestBroker broker = new TestBroker(Files.createTempDirectory(root, "shell")).start();
             TestClient publisher = new TestClient(broker.uri(), "shell-publisher")) {
            MqttConnection c = new MqttConnection(new ConnectionConfigParser(Path.of(".")).parse(Map.of(
                    "id", "shell", "uri", broker.uri(),
                    "device.press09.format", "json", "device.press09.topic", "shell/press09",
                    "device.press09.tag.count", "/count long")), () -> List.<SampleSink>of(sink), connections::quarantine);
            assertThat(connections.claim(List.of("connection:shell", "device:press09"), "pid-1")).isNull();
            assertThat(connections.claim(List.of("connection:other", "device:press09"), "pid-2")).contains("device:press09");
            connections.started(c);
            c.start();
            try {
                Await.until("connected", 15_000, c::connected);
                publisher.publish("shell/press09", "{\"count\": 5}", 1);
                publisher.publish("shell/press09", "{\"count\": 6.5}", 1);
                Await.until("quarantined", 15_000, () -> connections.quarantine().count("mqtt:shell") == 1);
                Await.until("both messages logged", 15_000, () -> !c.topics().entries().isEmpty()
                        && c.topics().entries().get(0).messages() == 2);

                MqttTopicsCommand topics = new MqttTopicsCommand();
                topics.connections = connections;
                topics.connection = "shell";
                String out = run(topics::print);
                assertThat(out).contains("shell/press09").contains("{\"count\": 6.5}").contains("1 quarantined");

                QuarantineCommand list = new QuarantineCommand();
                list.connections = connections;
                assertThat(run(list::run)).contains("Held in memory until the Quarantine service takes them: no Quarantine service is bound").contains("/count: 6.5 is not a long");

                long id = connections.quarantine().list("mqtt:shell", 1).get(0).id();
                QuarantineCommand show = new QuarantineCommand();
                show.connections = connections;
                show.show = id;
                assertThat(run(show::run)).contains("Topic:   shell/press09").contains("Text:    {\"count\": 6.5}");

                QuarantineCommand replay = new QuarantineCommand();
                replay.connections = connections;
                replay.replay = id;
                assertThatThrownBy(() -> run(replay::run)).hasMessageContaining("still refused");
                assertThat(connections.quarantine().count("mqtt:shell")).isEqualTo(1);
            } finally {
                c.stop();
            }
            // the same entry, replayed through a corrected mapping, leaves the quarantine
            MqttConnection fixed = new MqttConnection(new ConnectionConfigParser(Path.of(".")).parse(Map.of(
                    "id", "shell", "uri", broker.uri(),
                    "device.press09.format", "json", "device.press09.topic", "shell/press09",
                    "device.press09.tag.count", "/count double")), () -> List.<SampleSink>of(sink), connections::quarantine);
            connections.release("pid-1");
            connections.claim(List.of("connection:shell"), "pid-1");
            connections.started(fixed);
            QuarantineCommand replay = new QuarantineCommand();
            replay.connections = connections;
            replay.replay = connections.quarantine().list("mqtt:shell", 1).get(0).id();
            assertThat(run(replay::run)).contains("removed from quarantine");
            assertThat(connections.quarantine().count("mqtt:shell")).isZero();
            assertThat(sink.get("press09", "count").asDouble()).isEqualTo(6.5);
        }
    }

    private static String run(java.util.function.Consumer<PrintStream> command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
