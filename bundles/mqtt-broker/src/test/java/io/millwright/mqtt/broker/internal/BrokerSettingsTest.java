package io.millwright.mqtt.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The broker's configuration: safe defaults, and refusals that name the key. */
class BrokerSettingsTest {

    @Test
    void defaultsListenOnLoopbackWithSessionsUnderKarafData() throws Exception {
        BrokerSettings s = BrokerSettings.of(TestConfig.of(), "/opt/millwright/data");
        assertThat(s.endpoint()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(s.dataDirectory()).isEqualTo(Path.of("/opt/millwright/data/millwright/mqtt-broker"));
        assertThat(s.allowAnonymous()).isTrue();
        assertThat(s.username()).isNull();
    }

    @Test
    void anonymousAccessOffLoopbackIsRefused() {
        assertThatThrownBy(() -> BrokerSettings.of(TestConfig.of("host", "0.0.0.0"), "/data"))
                .hasMessageContaining("etc/io.millwright.mqtt.broker.cfg: allowAnonymous")
                .hasMessageContaining("0.0.0.0 is not a loopback address");
    }

    @Test
    void offLoopbackWithAUserIsAccepted() throws Exception {
        BrokerSettings s = BrokerSettings.of(TestConfig.of("host", "0.0.0.0", "allowAnonymous", false,
                "username", "plant", "password", "s3cret"), "/data");
        assertThat(s.toString()).contains("user plant").contains("****").doesNotContain("s3cret");
    }

    @Test
    void badValuesAreRefusedByKey() {
        assertThatThrownBy(() -> BrokerSettings.of(TestConfig.of("port", 70000), "/data")).hasMessageContaining("port: 70000");
        assertThatThrownBy(() -> BrokerSettings.of(TestConfig.of("host", " "), "/data")).hasMessageContaining("host: empty");
        assertThatThrownBy(() -> BrokerSettings.of(TestConfig.of("username", "plant"), "/data"))
                .hasMessageContaining("password: username and password go together");
        assertThatThrownBy(() -> BrokerSettings.of(TestConfig.of("allowAnonymous", false), "/data"))
                .hasMessageContaining("allowAnonymous: false, but no username");
        assertThatThrownBy(() -> BrokerSettings.of(TestConfig.of(), null)).hasMessageContaining("dataDirectory");
    }
}
