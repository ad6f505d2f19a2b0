package io.millwright.simulator.mqtt.internal;

import static io.millwright.simulator.mqtt.internal.MqttFaceConfigFixture.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttFaceSettingsTest {

    @Test
    void anEmptyFilePublishesBothFormatsToLoopback1883() {
        MqttFaceSettings s = MqttFaceSettings.from(config(Map.of()));

        assertThat(s.brokerUri()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(s.clientId()).isEqualTo("millwright-simulator");
        assertThat(s.json()).isTrue();
        assertThat(s.sparkplug()).isTrue();
        assertThat(s.format()).isEqualTo("both");
        assertThat(s.qos()).isEqualTo(1);
        assertThat(s.topicPrefix()).isEqualTo("millwright/sim");
        assertThat(s.groupId()).isEqualTo("Millwright");
        assertThat(s.edgeNodeId()).isEqualTo("simulator");
        assertThat(s.publishIntervalMs()).isEqualTo(200);
        assertThat(s.refreshMs()).isEqualTo(5000);
        assertThat(s.reconnectMaxDelayMs()).isEqualTo(30_000);
        assertThat(s.username()).isEmpty();
    }

    @Test
    void formatIsJsonSparkplugOrBothInAnyCaseAndTheUriGetsItsDefaultPort() {
        MqttFaceSettings json = MqttFaceSettings.from(config(Map.of("format", " JSON ", "brokerUri", "tcp://broker.plant")));
        assertThat(json.json()).isTrue();
        assertThat(json.sparkplug()).isFalse();
        assertThat(json.brokerUri()).isEqualTo("tcp://broker.plant:1883");

        MqttFaceSettings sparkplug = MqttFaceSettings.from(config(Map.of("format", "Sparkplug", "brokerUri", "ssl://broker.plant")));
        assertThat(sparkplug.json()).isFalse();
        assertThat(sparkplug.sparkplug()).isTrue();
        assertThat(sparkplug.brokerUri()).isEqualTo("ssl://broker.plant:8883");
    }

    @Test
    void theToStringLeavesThePasswordOut() {
        MqttFaceSettings s = MqttFaceSettings.from(config(Map.of("username", "sim", "password", "s3cret")));
        assertThat(s.toString()).contains("user sim").contains("Millwright/simulator").doesNotContain("s3cret");
    }

    @Test
    void mistakesAreRefusedByKey() {
        assertRefused(Map.of("format", "xml"), "format");
        assertRefused(Map.of("qos", "3"), "qos");
        assertRefused(Map.of("qos", "one"), "qos");
        assertRefused(Map.of("brokerUri", "http://127.0.0.1:1883"), "brokerUri");
        assertRefused(Map.of("brokerUri", "tcp://:1883"), "brokerUri");
        assertRefused(Map.of("brokerUri", "tcp://user:secret@host"), "brokerUri");
        assertRefused(Map.of("clientId", " "), "clientId");
        assertRefused(Map.of("password", "s3cret"), "password");
        assertRefused(Map.of("topicPrefix", "plant/#"), "topicPrefix");
        assertRefused(Map.of("topicPrefix", "plant/"), "topicPrefix");
        assertRefused(Map.of("groupId", "a/b"), "groupId");
        assertRefused(Map.of("edgeNodeId", " "), "edgeNodeId");
        assertRefused(Map.of("publishIntervalMs", "0"), "publishIntervalMs");
        assertRefused(Map.of("refreshMs", "100"), "refreshMs");
        assertRefused(Map.of("reconnectMaxDelayMs", "10"), "reconnectMaxDelayMs");
    }

    @Test
    void aRefusalNeverShowsThePassword() {
        assertThatThrownBy(() -> MqttFaceSettings.from(config(Map.of("brokerUri", "tcp://user:s3cret@host"))))
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> MqttFaceSettings.from(config(Map.of("password", "s3cret"))))
                .hasMessageNotContaining("s3cret");
    }

    private static void assertRefused(Map<String, String> values, String key) {
        assertThatThrownBy(() -> MqttFaceSettings.from(config(values)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith(key + " = ")
                .satisfies(e -> assertThat(((InvalidSettingException) e).key()).isEqualTo(key));
    }
}
