package io.millwright.driver.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.health.HealthFinding.Severity;
import io.millwright.driver.support.DeviceRegistry;
import org.junit.jupiter.api.Test;

class ModbusDevicesTest {

    @Test
    void refusedFilesAreModbusHealthErrorsUntilReleased() {
        ModbusDevices devices = new ModbusDevices();
        devices.refused(new DeviceRegistry.Refusal("pid-a", "io.millwright.driver.modbus-press01.cfg",
                "configuration refused: port: 70000 must be 1 to 65535"));

        assertThat(devices.check()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.subject()).isEqualTo("modbus io.millwright.driver.modbus-press01.cfg");
            assertThat(f.message()).contains("port: 70000");
        });

        devices.release("pid-a");
        assertThat(devices.check()).isEmpty();
        assertThat(devices.name()).isEqualTo("modbus");
    }
}
