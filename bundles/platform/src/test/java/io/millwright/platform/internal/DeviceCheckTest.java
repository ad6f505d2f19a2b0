package io.millwright.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.device.Device;
import io.millwright.api.device.DeviceStatus;
import io.millwright.api.device.TagStatus;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceCheckTest {

    @Test
    void onlineDevicesAreHealthy() {
        assertThat(DeviceCheck.findings(List.of(device("press01", DeviceStatus.ONLINE, "", null)))).isEmpty();
    }

    @Test
    void offlineDeviceIsAnErrorWithItsReasonAndLastData() {
        Instant last = Instant.parse("2026-11-24T02:00:00Z");
        List<HealthFinding> findings = DeviceCheck.findings(List.of(
                device("press01", DeviceStatus.OFFLINE, "connection refused by 127.0.0.1:5020", last)));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.subject()).isEqualTo("device press01 (modbus-tcp)");
            assertThat(f.message()).isEqualTo(
                    "OFFLINE: connection refused by 127.0.0.1:5020; last data 2026-11-24T02:00:00Z");
        });
    }

    @Test
    void degradedAndConnectingDevicesAreWarnings() {
        List<HealthFinding> findings = DeviceCheck.findings(List.of(
                device("press02", DeviceStatus.DEGRADED, "2 of 14 tags BAD", Instant.EPOCH),
                device("press03", DeviceStatus.CONNECTING, "", null)));

        assertThat(findings).extracting(HealthFinding::severity).containsOnly(Severity.WARNING);
        assertThat(findings.get(1).message()).isEqualTo("CONNECTING; no data yet");
    }

    private static Device device(String id, DeviceStatus status, String detail, Instant lastData) {
        return new Device() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String protocol() {
                return "modbus-tcp";
            }

            @Override
            public DeviceStatus status() {
                return status;
            }

            @Override
            public String statusDetail() {
                return detail;
            }

            @Override
            public Optional<Instant> lastDataTime() {
                return Optional.ofNullable(lastData);
            }

            @Override
            public long readCount() {
                return 0;
            }

            @Override
            public long errorCount() {
                return 0;
            }

            @Override
            public long reconnectCount() {
                return 0;
            }

            @Override
            public Optional<Duration> lastRoundTrip() {
                return Optional.empty();
            }

            @Override
            public List<TagStatus> tags() {
                return List.of();
            }
        };
    }
}
