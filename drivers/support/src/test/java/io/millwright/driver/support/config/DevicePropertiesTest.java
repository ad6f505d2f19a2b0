package io.millwright.driver.support.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevicePropertiesTest {

    private final Map<String, Object> raw = new HashMap<>();
    private final DeviceProperties properties = new DeviceProperties(raw);

    @Test
    void valuesAreTrimmedAndBlankMeansMissing() throws Exception {
        raw.put("host", " 10.0.0.5 ");
        raw.put("blank", "   ");
        raw.put("password", " secret ");

        assertThat(properties.text("host")).isEqualTo("10.0.0.5");
        assertThat(properties.text("blank")).isNull();
        assertThat(properties.text("absent")).isNull();
        assertThat(properties.required("host")).isEqualTo("10.0.0.5");
        assertThat(properties.raw("password")).isEqualTo(" secret ");
    }

    @Test
    void numbersAndBooleansTakeTheirDefaultsWhenMissing() throws Exception {
        raw.put("port", "5020");
        raw.put("writable", "true");

        assertThat(properties.intValue("port", 502, 1, 65535)).isEqualTo(5020);
        assertThat(properties.intValue("unitId", 1, 0, 255)).isEqualTo(1);
        assertThat(properties.booleanValue("writable", false)).isTrue();
        assertThat(properties.booleanValue("trustOnFirstUse", false)).isFalse();
    }

    @Test
    void eachRefusalNamesTheKeyAndTheValue() {
        raw.put("port", "70000");
        raw.put("timeout", "soon");
        raw.put("writable", "yes");
        raw.put("id", "press 01");

        refused(() -> properties.intValue("port", 502, 1, 65535), "port", "port: 70000 must be 1 to 65535");
        refused(() -> properties.intValue("timeout", 1000, 10, 600_000), "timeout",
                "timeout: 'soon' is not a whole number (10 to 600000)");
        refused(() -> properties.booleanValue("writable", false), "writable", "writable: writable 'yes' must be true or false");
        refused(() -> properties.required("host"), "host", "host: is required");
        refused(properties::id, "id", "id: 'press 01' must be letters, digits, '.', '_', '-'");
    }

    @Test
    void keysWithAPrefixComeSortedByKey() {
        raw.put("tag.b", "2");
        raw.put("tag.a", "1");
        raw.put("tagFile", "tags.csv");

        assertThat(properties.startingWith("tag.")).containsExactly(Map.entry("tag.a", "1"), Map.entry("tag.b", "2"));
    }

    private interface Call {
        Object run() throws ConfigRefusedException;
    }

    private static void refused(Call call, String where, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ConfigRefusedException.class, e -> {
            assertThat(e.where()).isEqualTo(where);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
