package io.millwright.driver.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.health.HealthFinding.Severity;
import org.junit.jupiter.api.Test;

class DeviceRegistryTest {

    private final DeviceRegistry<DriverDevice> devices = new DeviceRegistry<>("fake") {
    };

    @Test
    void anIdIsClaimedByOneDeviceFileOnlyUntilItIsReleased() {
        assertThat(devices.claim("press01", "pid-a")).isTrue();
        assertThat(devices.claim("press01", "pid-a")).isTrue();
        assertThat(devices.claim("press01", "pid-b")).isFalse();
        assertThat(devices.owner("press01")).isEqualTo("pid-a");

        devices.release("pid-a");
        assertThat(devices.claim("press01", "pid-b")).isTrue();
    }

    @Test
    void runningDevicesAreFoundByIdInIdOrderUntilTheirFileIsReleased() {
        devices.claim("press02", "pid-b");
        devices.started(new FakeDevice("press02").device);
        devices.claim("press01", "pid-a");
        devices.started(new FakeDevice("press01").device);

        assertThat(devices.ids()).containsExactly("press01", "press02");
        assertThat(devices.find("press02").id()).isEqualTo("press02");
        assertThat(devices.running()).extracting(DriverDevice::id).containsExactly("press01", "press02");

        devices.release("pid-b");
        assertThat(devices.find("press02")).isNull();
        assertThat(devices.ids()).containsExactly("press01");
    }

    @Test
    void refusedFilesAreHealthErrorsNamedByTheCheckUntilReleased() {
        devices.refused(new DeviceRegistry.Refusal("pid-a", "io.millwright.driver.fake-press01.cfg",
                "configuration refused: port: 70000 must be 1 to 65535"));

        assertThat(devices.refusals()).extracting(DeviceRegistry.Refusal::pid).containsExactly("pid-a");
        assertThat(devices.check()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.subject()).isEqualTo("fake io.millwright.driver.fake-press01.cfg");
            assertThat(f.message()).contains("port: 70000");
        });

        devices.release("pid-a");
        assertThat(devices.check()).isEmpty();
        assertThat(devices.refusals()).isEmpty();
        assertThat(devices.name()).isEqualTo("fake");
    }
}
