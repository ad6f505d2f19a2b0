package io.millwright.driver.mqtt.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.driver.support.config.ConfigRefusedException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionConfigParserTest {

    private static Map<String, Object> valid() {
        Map<String, Object> p = new HashMap<>();
        p.put("id", "plant");
        p.put("uri", "tcp://broker.local");
        p.put("device.press01.format", "json");
        p.put("device.press01.topic", "plant/press01/telemetry");
        p.put("device.press01.tag.count", "/count long");
        p.put("device.edge1.format", "sparkplugb");
        p.put("device.edge1.node", "G1/edge1");
        p.put("device.edge1.qos", "0");
        return p;
    }

    private static ConnectionSettings parse(Map<String, Object> p) throws ConfigRefusedException {
        return new ConnectionConfigParser(Path.of("target")).parse(p);
    }

    @Test
    void aValidFileGivesDefaultsAndDevicesInIdOrder() throws Exception {
        ConnectionSettings s = parse(valid());
        assertThat(s.uri()).isEqualTo("tcp://broker.local:1883");
        assertThat(s.clientId()).isEqualTo("millwright-plant");
        assertThat(s.cleanSession()).isFalse();
        assertThat(s.keepAliveSeconds()).isEqualTo(30);
        assertThat(s.reconnectMaxDelayMs()).isEqualTo(30_000);
        assertThat(s.devices()).extracting(DeviceMapping::id).containsExactly("edge1", "press01");
        assertThat(s.devices().get(0).filters()).containsExactly("spBv1.0/G1/+/edge1/#");
        assertThat(s.devices().get(0).qos()).isZero();
        // Sparkplug B publishes changes only; JSON is taken as periodic unless the file says otherwise
        assertThat(s.devices().get(0).byException()).isTrue();
        assertThat(s.devices().get(1).byException()).isFalse();
        assertThat(s.devices().get(1).tags()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(TagType.LONG);
            assertThat(t.source()).isEqualTo("/count");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "uri|http://broker|uri: 'http://broker' must start with tcp:// or ssl://",
        "keepAlive|x|keepAlive: 'x' is not a whole number",
        "cleanSession|maybe|cleanSession: 'maybe' must be true or false",
        "reconnectMaxDelay|5|reconnectMaxDelay: 5 must be 100 to 3600000",
        "device.press01.qos|3|device.press01.qos: 3 must be 0 to 2",
        "device.press01.tag.count|count long|device.press01.tag.count: 'count' is not a JSON Pointer",
        "device.press01.tag.count|/count int|device.press01.tag.count: 'int' is not a type",
        "device.press01.topic|plant/#/x|device.press01.topic: 'plant/#/x': '#' must be a whole level and the last one",
        "device.press01.format|xml|device.press01.format: 'xml' must be json, plain or sparkplugb",
        "device.press01.qso|1|device.press01.qso: unknown setting 'qso'",
        "device.edge1.node|G1|device.edge1.node: 'G1' must be <group>/<edge node>",
        "device.edge1.tag.x|y|device.edge1.tag.x: format sparkplugb takes its tags from the births' metrics",
        "device.press01.reporting|sometimes|device.press01.reporting: 'sometimes' must be periodic or by-exception",
        "device.edge1.reporting|periodic|device.edge1.reporting: Sparkplug B reports by exception",
        "password|pw|password: is set but username is not",
        "trustStore|missing.p12|trustStore: is set but uri is not ssl://",
    })
    void anInvalidValueIsRefusedNamingTheKey(String key, String value, String message) {
        Map<String, Object> p = valid();
        p.put(key, value);
        assertThatThrownBy(() -> parse(p)).isInstanceOf(ConfigRefusedException.class).hasMessageStartingWith(message);
    }

    @Test
    void aJsonDeviceMayBeDeclaredByException() throws Exception {
        Map<String, Object> p = valid();
        p.put("device.press01.reporting", "by-exception");
        assertThat(parse(p).devices().get(1).byException()).isTrue();
    }

    @Test
    void aStoreThatCannotBeOpenedIsRefusedWithoutItsPassword() {
        Map<String, Object> p = valid();
        p.put("uri", "ssl://broker.local");
        p.put("trustStore", "no-such-store.p12");
        p.put("trustStorePassword", "very-secret-1");
        assertThatThrownBy(() -> parse(p)).isInstanceOf(ConfigRefusedException.class)
                .hasMessageStartingWith("trustStore: cannot open").hasMessageNotContaining("very-secret-1");
    }

    @Test
    void toStringMasksThePassword() throws Exception {
        Map<String, Object> p = valid();
        p.put("username", "plant");
        p.put("password", "very-secret-2");
        assertThat(parse(p).toString()).contains("user plant password ****").doesNotContain("very-secret-2");
    }

    @Test
    void aFileWithoutDevicesIsRefused() {
        Map<String, Object> p = new HashMap<>(Map.of("id", "plant", "uri", "tcp://h:1883"));
        assertThatThrownBy(() -> parse(p)).hasMessageStartingWith("device.*: no devices");
    }

    @Test
    void topicFiltersMatchLikeABroker() {
        assertThat(TopicFilters.matches("a/+/c", "a/b/c")).isTrue();
        assertThat(TopicFilters.matches("a/+/c", "a/b/d")).isFalse();
        assertThat(TopicFilters.matches("a/#", "a")).isTrue();
        assertThat(TopicFilters.matches("a/#", "a/b/c")).isTrue();
        assertThat(TopicFilters.matches("a/+", "a")).isFalse();
        assertThat(TopicFilters.matches("a/+", "a/")).isTrue();
        assertThat(TopicFilters.matches("#", "$SYS/x")).isFalse();
        assertThat(TopicFilters.matches("a/b", "a/b/c")).isFalse();
        assertThat(TopicFilters.matches("+/+", "a/b")).isTrue();
    }
}
