package io.millwright.simulator.internal;

import static io.millwright.simulator.internal.ConfigFixture.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.simulator.internal.model.InvalidSettingException;
import io.millwright.simulator.internal.modbus.ModbusEndpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorSettingsTest {

    @Test
    void onlyTheIdIsNeeded() {
        SimulatorSettings s = SimulatorSettings.from(config(Map.of("id", "press01")));

        assertThat(s.id()).isEqualTo("press01");
        assertThat(s.seed()).isEqualTo("press01".hashCode());
        assertThat(s.profile().cycleTimeMs()).isEqualTo(3000);
        assertThat(s.profile().faultCodes()).containsExactly(17, 23, 41);
        assertThat(s.tickMs()).isEqualTo(10);
        assertThat(s.modbus()).isEqualTo(new ModbusEndpoint("127.0.0.1", 5020, 1, 5));
    }

    @Test
    void everyKeyIsRead() {
        SimulatorSettings s = SimulatorSettings.from(config(Map.ofEntries(Map.entry("id", "press02"),
                Map.entry("seed", "-12"), Map.entry("cycleTimeMs", "0.5"), Map.entry("cycleJitter", "0"),
                Map.entry("rejectRate", "0.1"), Map.entry("faultsPerHour", "3"), Map.entry("meanFaultSeconds", "45"),
                Map.entry("faultCodes", "5, 6;7"), Map.entry("minorStopsPerHour", "0"),
                Map.entry("meanMinorStopSeconds", "8"), Map.entry("starvationsPerHour", "0.5"),
                Map.entry("meanStarvationSeconds", "300"), Map.entry("firstFaultAfterSeconds", "90"),
                Map.entry("startTotal", "4294967295"), Map.entry("startReject", "9"), Map.entry("tickMs", "2"),
                Map.entry("modbus.port", "5022"), Map.entry("modbus.address", "0.0.0.0"),
                Map.entry("modbus.unitId", "3"), Map.entry("modbus.maxConnections", "2"))));

        assertThat(s.seed()).isEqualTo(-12);
        assertThat(s.profile()).isEqualTo(new io.millwright.simulator.internal.model.MachineProfile(0.5, 0, 0.1, 3, 45,
                List.of(5, 6, 7), 0, 8, 0.5, 300, 90));
        assertThat(s.startTotal()).isEqualTo(4_294_967_295L);
        assertThat(s.startReject()).isEqualTo(9);
        assertThat(s.tickMs()).isEqualTo(2);
        assertThat(s.modbus()).isEqualTo(new ModbusEndpoint("0.0.0.0", 5022, 3, 2));
        assertThat(SimulatorSettings.from(config(Map.of("id", "x", "modbus.enabled", "false"))).modbus()).isNull();
    }

    @Test
    void aMistakeIsRefusedNamingItsKeyAndValue() {
        assertRefused(Map.of(), "id", "");
        assertRefused(Map.of("id", "press 1"), "id", "press 1");
        assertRefused(Map.of("id", "p", "cycleTimeMs", "fast"), "cycleTimeMs", "fast");
        assertRefused(Map.of("id", "p", "cycleTimeMs", "0"), "cycleTimeMs", "0");
        assertRefused(Map.of("id", "p", "seed", "1.5"), "seed", "1.5");
        assertRefused(Map.of("id", "p", "faultCodes", "17;0"), "faultCodes", "0");
        assertRefused(Map.of("id", "p", "modbus.port", "70000"), "modbus.port", "70000");
        assertRefused(Map.of("id", "p", "modbus.unitId", "256"), "modbus.unitId", "256");
        assertRefused(Map.of("id", "p", "modbus.enabled", "yes"), "modbus.enabled", "yes");
        assertRefused(Map.of("id", "p", "tickMs", "0"), "tickMs", "0");
        assertRefused(Map.of("id", "p", "startTotal", "4294967296"), "startTotal", "4294967296");
        assertRefused(Map.of("id", "p", "meanFaultSeconds", "-1"), "meanFaultSeconds", "-1");
    }

    private static void assertRefused(Map<String, String> values, String key, String value) {
        assertThatThrownBy(() -> SimulatorSettings.from(config(values)))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.value()).isEqualTo(value);
                    assertThat(e.getMessage()).startsWith(key + " = '" + value + "'");
                });
    }
}
