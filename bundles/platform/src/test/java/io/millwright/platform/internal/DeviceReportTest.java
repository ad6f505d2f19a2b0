package io.millwright.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.device.Device;
import io.millwright.api.device.DeviceStatus;
import io.millwright.api.device.TagStatus;
import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceReportTest {

    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");

    @Test
    void aDeviceRowShowsStatusAgeCountersAndRoundTrip() {
        Device device = device(List.of());
        assertThat(DeviceReport.deviceRow(device, NOW)).containsExactly("press01", "modbus-tcp", "DEGRADED",
                "12 s ago", "120", "3", "1", "0.25 ms", "1 of 3 tags BAD");
    }

    @Test
    void tagRowsShowValueQualityAndHistorySetting() {
        long t = NOW.toEpochMilli();
        Device device = device(List.of(
                new TagStatus("total", "holding 2 uint32", true, 0, Sample.ofLong("press01", "total", 4711,
                        Quality.GOOD, null, t, t)),
                new TagStatus("speed", "holding 8 float32", true, 0.5, Sample.bad("press01", "speed",
                        "Modbus exception 2 (illegal data address)", t, t)),
                new TagStatus("running", "coil 0 bool", false, 0, null)));

        assertThat(DeviceReport.tagRows(device)).containsExactly(
                List.of("total", "holding 2 uint32", "4711", "GOOD", "2026-11-24T03:00:00Z", "on change"),
                List.of("speed", "holding 8 float32", "-", "BAD: Modbus exception 2 (illegal data address)",
                        "2026-11-24T03:00:00Z", "deadband 0.5"),
                List.of("running", "coil 0 bool", "-", "never read", "-", "-"));
    }

    private static Device device(List<TagStatus> tags) {
        return new Device() {
            @Override
            public String id() {
                return "press01";
            }

            @Override
            public String protocol() {
                return "modbus-tcp";
            }

            @Override
            public DeviceStatus status() {
                return DeviceStatus.DEGRADED;
            }

            @Override
            public String statusDetail() {
                return "1 of 3 tags BAD";
            }

            @Override
            public Optional<Instant> lastDataTime() {
                return Optional.of(NOW.minusSeconds(12));
            }

            @Override
            public long readCount() {
                return 120;
            }

            @Override
            public long errorCount() {
                return 3;
            }

            @Override
            public long reconnectCount() {
                return 1;
            }

            @Override
            public Optional<Duration> lastRoundTrip() {
                return Optional.of(Duration.ofNanos(250_000));
            }

            @Override
            public List<TagStatus> tags() {
                return tags;
            }
        };
    }
}
