package io.millwright.core.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.device.Device;
import io.millwright.api.device.DeviceStatus;
import io.millwright.api.device.TagStatus;
import io.millwright.api.machine.MachineState;
import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.core.internal.model.MachineDefinitionParser;
import io.millwright.core.internal.store.InMemoryMachineStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A device that reports by exception (an OPC UA subscription) sends a steady value once. A machine
 * whose file appears after that must still learn it, from the device's last samples.
 */
class ByExceptionDeviceTest {

    private final MachineRuntime runtime = new MachineRuntime();

    @AfterEach
    void stop() throws InterruptedException {
        runtime.deactivate();
    }

    /** A connected OPC UA-like device whose tags already hold their first values. */
    private static Device device(List<TagStatus> tags) {
        return new Device() {
            public String id() {
                return "plc";
            }

            public String protocol() {
                return "opcua";
            }

            public String reporting() {
                return REPORTS_BY_EXCEPTION;
            }

            public DeviceStatus status() {
                return DeviceStatus.ONLINE;
            }

            public String statusDetail() {
                return "";
            }

            public Optional<Instant> lastDataTime() {
                return Optional.of(Instant.now());
            }

            public long readCount() {
                return 2;
            }

            public long errorCount() {
                return 0;
            }

            public long reconnectCount() {
                return 0;
            }

            public Optional<Duration> lastRoundTrip() {
                return Optional.empty();
            }

            public List<TagStatus> tags() {
                return tags;
            }
        };
    }

    @Test
    void aMachineDefinedAfterItsValuesArrivedStartsFromThem() throws Exception {
        runtime.activate(0);
        runtime.bindStore(new InMemoryMachineStore(1000), Map.of("millwright.store", "memory"));
        long t = System.currentTimeMillis() - 5_000;
        Sample run = Sample.ofBoolean("plc", "run", true, Quality.GOOD, null, t, t);
        Sample total = Sample.ofLong("plc", "total", 1500, Quality.GOOD, null, t, t);
        runtime.addDevice(device(List.of(new TagStatus("run", "ns=2;s=Run", false, 0, run),
                new TagStatus("total", "ns=2;s=Total", false, 0, total))), Map.of(Device.PROP_ID, "plc",
                Device.PROP_STATUS, "ONLINE", Device.PROP_REPORTING, Device.REPORTS_BY_EXCEPTION));

        runtime.define("pid1", "press01.cfg", MachineDefinitionParser.parse(Map.of(
                "id", "press01", "running", "plc/run", "totalCount", "plc/total", "counterBits", "32",
                "idealCycleTime", "1", "stalenessTimeout", "1")));

        MachineSnapshot machine = runtime.snapshot("press01").orElseThrow();
        assertThat(machine.state()).isEqualTo(MachineState.RUNNING);
        // the device vouches for its steady values: no OFFLINE though nothing came for longer than the timeout
        Thread.sleep(2_500);
        assertThat(runtime.snapshot("press01").orElseThrow().state()).isEqualTo(MachineState.RUNNING);

        // a later sample of its own wins over the seeded one, and counting goes on from the seed
        long now = System.currentTimeMillis();
        runtime.accept(List.of(Sample.ofLong("plc", "total", 1510, Quality.GOOD, null, now, now)));
        assertThat(runtime.snapshot("press01").orElseThrow().counterResets()).isZero();
    }
}
