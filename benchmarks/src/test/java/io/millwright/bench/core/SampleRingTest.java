package io.millwright.bench.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.machine.MachineState;
import io.millwright.api.sample.Sample;
import io.millwright.core.internal.model.MachineDefinition;
import io.millwright.core.internal.model.SignalBinding;
import io.millwright.core.internal.runtime.MachineRuntime;
import io.millwright.core.internal.runtime.MachineSnapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SampleRingTest {

    private static final long START = 1_700_000_000_000L;

    @Test
    void everyBatchHoldsFourPollRoundsOfEveryTagOfEveryPress() {
        SampleRing ring = ring(50, 64);

        List<Sample> batch = ring.next();

        assertThat(batch).hasSize(SampleSinkBenchmark.BATCH_SIZE);
        Set<String> tags = new HashSet<>();
        for (Sample sample : batch) {
            tags.add(sample.deviceId() + "/" + sample.tag());
        }
        assertThat(tags).hasSize(250).contains("plc01/running", "plc50/speed");
    }

    @Test
    void nextLapContinuesTimesAndCountersWithoutAStep() {
        SampleRing ring = ring(3, 16);
        SimulatedPress press = SampleSinkBenchmark.presses(3, 64).get(0);
        List<Sample> last = ring.batches().get(15);
        Sample lastTotal = last.get(last.size() - 3 * 5 + 2);
        long lastTime = lastTotal.sourceTime();
        long lastCount = lastTotal.asLong();

        ring.startNextLap();
        Sample firstTotal = ring.next().get(2);

        assertThat(firstTotal.tag()).isEqualTo("total");
        assertThat(firstTotal.deviceId()).isEqualTo(press.device);
        assertThat(firstTotal.sourceTime() - lastTime).isEqualTo(SampleSinkBenchmark.POLL_MILLIS);
        assertThat(firstTotal.asLong() - lastCount).isEqualTo(press.running(0) ? 1L : 0L);
        assertThat(ring.lap()).isEqualTo(1);
    }

    @Test
    void everySampleFindsItsSignalInTheBaselineIndex() throws Exception {
        List<SimulatedPress> presses = SampleSinkBenchmark.presses(50, 256);
        Map<String, Map<String, SignalBinding[]>> index =
                SampleSinkBenchmark.index(SampleSinkBenchmark.definitions(presses));
        SampleRing ring = SampleRing.build(presses, 64, 4, 1_000, START);

        for (Sample sample : ring.next()) {
            assertThat(index.get(sample.deviceId()).get(sample.tag())).hasSize(1);
        }
    }

    @Test
    void coreFollowsTheRingOverLapsWithoutCounterResetsOrGoingOffline() throws Exception {
        List<SimulatedPress> presses = SampleSinkBenchmark.presses(5, 64);
        SampleRing ring = SampleRing.build(presses, 16, 4, 1_000, System.currentTimeMillis());
        MachineRuntime runtime = new MachineRuntime();
        runtime.activate(0);
        try {
            for (MachineDefinition definition : SampleSinkBenchmark.definitions(presses)) {
                assertThat(runtime.define("pid-" + definition.id(), definition.id() + ".cfg", definition)).isTrue();
            }
            for (int batch = 0; batch < 3 * 16; batch++) {
                if (ring.lapDone()) {
                    ring.startNextLap();
                }
                runtime.accept(ring.next());
            }
        } finally {
            runtime.deactivate();
        }

        for (SimulatedPress press : presses) {
            MachineSnapshot snapshot = runtime.snapshot(press.id).orElseThrow();
            assertThat(snapshot.state()).as(press.id).isNotEqualTo(MachineState.OFFLINE);
            assertThat(snapshot.counterResets()).as(press.id).isZero();
            assertThat(snapshot.counterRollovers()).as(press.id).isZero();
        }
    }

    private static SampleRing ring(int machines, int batches) {
        return SampleRing.build(SampleSinkBenchmark.presses(machines, batches * 4), batches, 4, 1_000, START);
    }
}
