package io.millwright.core.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MachineDefinitionParserTest {

    private static Map<String, Object> valid() {
        Map<String, Object> props = new HashMap<>();
        props.put("id", "press01");
        props.put("site", "plant1");
        props.put("area", "stamping");
        props.put("line", "L1");
        props.put("running", "plc1/status bit(0)");
        props.put("faultCode", "plc1/fault");
        props.put("totalCount", "plc1/total");
        props.put("rejectCount", "plc1/rejects");
        props.put("speed", "plc1/speed scale(0.1)");
        props.put("idealCycleTime", "1.2");
        props.put("faultReasons", "17=MECH.JAM; 23=ELEC.MOTOR");
        props.put("products", new String[] {"SKU-A=0.8", "SKU-B=2"});
        return props;
    }

    @Test
    void validFileBecomesADefinition() throws Exception {
        MachineDefinition d = MachineDefinitionParser.parse(valid());

        assertThat(d.id()).isEqualTo("press01");
        assertThat(d.name()).isEqualTo("press01");
        assertThat(d.place()).isEqualTo("plant1/stamping/L1");
        assertThat(d.binding(SignalKind.RUNNING)).get().hasToString("plc1/status bit(0)");
        assertThat(d.idealCycleTime()).isEqualTo(Duration.ofMillis(1200));
        assertThat(d.idealCycleTime("SKU-A")).isEqualTo(Duration.ofMillis(800));
        assertThat(d.idealCycleTime("unknown")).isEqualTo(Duration.ofMillis(1200));
        assertThat(d.faultReasons()).containsEntry(17L, "MECH.JAM").containsEntry(23L, "ELEC.MOTOR");
        assertThat(d.microStopThreshold()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.stalenessTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.runningWindow()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.counterBits()).isEqualTo(32);
        assertThat(d.calendarScopes()).containsExactly("L1", "plant1");
    }

    @Test
    void mistypedNumberIsRefusedWithKeyAndValue() {
        Map<String, Object> props = valid();
        props.put("idealCycleTime", "fast");
        assertThatThrownBy(() -> MachineDefinitionParser.parse(props))
                .isInstanceOf(ConfigRefusedException.class)
                .hasMessage("idealCycleTime = 'fast': is not a number of seconds")
                .satisfies(e -> assertThat(((ConfigRefusedException) e).key()).isEqualTo("idealCycleTime"));
    }

    @Test
    void bindingWithoutDeviceIsRefused() {
        Map<String, Object> props = valid();
        props.put("totalCount", "total");
        assertThatThrownBy(() -> MachineDefinitionParser.parse(props))
                .hasMessageContaining("totalCount = 'total'")
                .hasMessageContaining("<device>/<tag>");
    }

    @Test
    void unknownTransformIsRefused() {
        Map<String, Object> props = valid();
        props.put("running", "plc1/status bitt(3)");
        assertThatThrownBy(() -> MachineDefinitionParser.parse(props))
                .hasMessageContaining("running = 'plc1/status bitt(3)'")
                .hasMessageContaining("bit(n), eq(v)");
    }

    @Test
    void missingIdAndMissingEvidenceAreRefused() {
        Map<String, Object> noId = valid();
        noId.remove("id");
        assertThatThrownBy(() -> MachineDefinitionParser.parse(noId)).hasMessage("id = '': is required");

        Map<String, Object> noEvidence = valid();
        noEvidence.remove("running");
        noEvidence.remove("totalCount");
        noEvidence.remove("rejectCount");
        assertThatThrownBy(() -> MachineDefinitionParser.parse(noEvidence))
                .hasMessageContaining("needs a running or a totalCount binding");
    }

    @Test
    void rejectAndGoodCountTogetherAreRefused() {
        Map<String, Object> props = valid();
        props.put("goodCount", "plc1/good");
        assertThatThrownBy(() -> MachineDefinitionParser.parse(props)).hasMessageContaining("not both");
    }

    @Test
    void badCounterWidthModeAndFlagAreRefused() {
        Map<String, Object> bits = valid();
        bits.put("counterBits", "24");
        assertThatThrownBy(() -> MachineDefinitionParser.parse(bits)).hasMessage("counterBits = '24': must be 16, 32 or 64");
        Map<String, Object> mode = valid();
        mode.put("countMode", "sometimes");
        assertThatThrownBy(() -> MachineDefinitionParser.parse(mode)).hasMessageContaining("countMode = 'sometimes'");
        Map<String, Object> flag = valid();
        flag.put("critical", "yes");
        assertThatThrownBy(() -> MachineDefinitionParser.parse(flag)).hasMessageContaining("critical = 'yes'");
    }

    @Test
    void faultReasonMappedTwiceIsRefused() {
        Map<String, Object> props = valid();
        props.put("faultReasons", "17=MECH.JAM;17=ELEC.MOTOR");
        assertThatThrownBy(() -> MachineDefinitionParser.parse(props)).hasMessageContaining("mapped twice");
    }

    @Test
    void zeroOrNegativeTimesAreRefused() {
        Map<String, Object> props = valid();
        props.put("stalenessTimeout", "0");
        assertThatThrownBy(() -> MachineDefinitionParser.parse(props)).hasMessageContaining("more than zero");
        props.put("stalenessTimeout", "30");
        props.put("microStopThreshold", "-5");
        assertThatThrownBy(() -> MachineDefinitionParser.parse(props)).hasMessageContaining("zero or more");
    }
}
