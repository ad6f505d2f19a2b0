package io.millwright.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.DowntimeEnded;
import io.millwright.api.machine.DowntimeStarted;
import io.millwright.api.machine.MachineEvent;
import io.millwright.api.machine.MachineState;
import io.millwright.api.machine.ProductChanged;
import io.millwright.api.machine.StateChanged;
import io.millwright.api.store.MachineCheckpoint;
import io.millwright.core.internal.model.SignalKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MachineStateEngineTest {

    @Test
    void startsOfflineAndRunsOnTheRunningSignal() throws Exception {
        EngineFixture f = new EngineFixture();
        assertThat(f.engine.state()).isEqualTo(MachineState.OFFLINE);

        f.at(1000).running(true);

        assertThat(f.engine.state()).isEqualTo(MachineState.RUNNING);
        List<StateChanged> changes = f.drain(StateChanged.class);
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.previous()).isEqualTo(MachineState.OFFLINE);
            assertThat(c.current()).isEqualTo(MachineState.RUNNING);
            assertThat(c.time()).isEqualTo(Instant.ofEpochMilli(EngineFixture.T0 + 1000));
        });
    }

    @Test
    void stoppedWithAFaultIsDownWithTheMappedReason() throws Exception {
        EngineFixture f = new EngineFixture();
        f.at(1000).running(true).drain();

        f.at(5000).send(SignalKind.FAULT_CODE, 17).running(false);

        assertThat(f.engine.state()).isEqualTo(MachineState.DOWN);
        assertThat(f.drain(DowntimeStarted.class)).singleElement().satisfies(d -> {
            assertThat(d.state()).isEqualTo(MachineState.DOWN);
            assertThat(d.reasonCode()).isEqualTo("MECH.JAM");
            assertThat(d.downtimeId()).isEqualTo("press01-" + (EngineFixture.T0 + 6000));
        });
    }

    @Test
    void stoppedWithoutAFaultIsIdle() throws Exception {
        EngineFixture f = new EngineFixture();
        f.at(1000).running(true).at(1000).running(false);

        assertThat(f.engine.state()).isEqualTo(MachineState.IDLE);
        assertThat(f.drain(DowntimeStarted.class)).singleElement()
                .satisfies(d -> assertThat(d.reasonCode()).isNull());
    }

    @Test
    void runningWithAFaultCodeSetIsStillRunning() throws Exception {
        EngineFixture f = new EngineFixture();
        f.at(1000).send(SignalKind.FAULT_CODE, 23).running(true);
        assertThat(f.engine.state()).isEqualTo(MachineState.RUNNING);
    }

    @Test
    void plannedStopOutranksDownAndRunning() throws Exception {
        boolean[] planned = {false};
        PlannedStops calendar = new PlannedStops() {
            @Override
            public boolean isPlannedStop(Instant t) {
                return planned[0];
            }

            @Override
            public Instant nextChange(Instant t) {
                return t; // ask again at every tick
            }
        };
        EngineFixture f = new EngineFixture(Map.of(), calendar);
        f.at(1000).send(SignalKind.FAULT_CODE, 17).running(false).tick();
        assertThat(f.engine.state()).isEqualTo(MachineState.DOWN);

        planned[0] = true;
        f.at(1000).tick();
        assertThat(f.engine.state()).isEqualTo(MachineState.PLANNED_STOP);
        f.at(1000).running(true);
        assertThat(f.engine.state()).isEqualTo(MachineState.PLANNED_STOP);

        planned[0] = false;
        f.at(1000).tick();
        assertThat(f.engine.state()).isEqualTo(MachineState.RUNNING);
    }

    @Test
    void staleDataMakesTheMachineOfflineNeverDown() throws Exception {
        EngineFixture f = new EngineFixture();
        f.at(1000).running(true).drain();
        long lastData = f.now;

        f.at(31_000).tick();

        assertThat(f.engine.state()).isEqualTo(MachineState.OFFLINE);
        List<MachineEvent> events = f.drain();
        assertThat(events).noneMatch(e -> e instanceof DowntimeStarted);
        assertThat(events).filteredOn(e -> e instanceof StateChanged).singleElement()
                .satisfies(e -> assertThat(e.time()).isEqualTo(Instant.ofEpochMilli(lastData + 30_000)));
    }

    @Test
    void gapShorterThanStalenessLeavesTheStateAlone() throws Exception {
        EngineFixture f = new EngineFixture();
        f.at(1000).running(true).drain();

        f.at(29_000).tick();
        f.at(500).running(true);

        assertThat(f.engine.state()).isEqualTo(MachineState.RUNNING);
        assertThat(f.drain(StateChanged.class)).isEmpty();
    }

    @Test
    void badSamplesAreMissingDataNotValues() throws Exception {
        EngineFixture f = new EngineFixture();
        f.at(1000).running(true).drain();
        for (int i = 0; i < 31; i++) {
            f.at(1000).bad(SignalKind.RUNNING).tick();
        }
        assertThat(f.engine.state()).isEqualTo(MachineState.OFFLINE);
        assertThat(f.engine.lastSample(SignalKind.RUNNING).qualityReason()).isEqualTo("timeout");
    }

    @Test
    void deviceOfflineMakesTheMachineOfflineAtOnce() throws Exception {
        EngineFixture f = new EngineFixture();
        f.at(1000).running(true).drain();

        f.at(100);
        f.engine.setOfflineDevices(1, f.now);
        assertThat(f.engine.state()).isEqualTo(MachineState.OFFLINE);

        f.engine.setOfflineDevices(0, f.now);
        f.at(100).running(true);
        assertThat(f.engine.state()).isEqualTo(MachineState.RUNNING);
    }

    @Test
    void devicesReportingByExceptionKeepASteadyMachineFresh() throws Exception {
        EngineFixture f = new EngineFixture();
        f.engine.setDevices(0, true, f.now);
        f.at(1000).running(true).drain();

        for (int i = 0; i < 10; i++) {
            f.at(30_000).tick();
        }
        assertThat(f.engine.state()).isEqualTo(MachineState.RUNNING);

        // the driver is updated: vouching ends, and staleness counts from then, not from the last change
        f.engine.setDevices(0, false, f.now);
        long vouchEnded = f.now;
        f.at(29_000).tick();
        assertThat(f.engine.state()).isEqualTo(MachineState.RUNNING);
        f.at(2_000).tick();
        assertThat(f.engine.state()).isEqualTo(MachineState.OFFLINE);
        assertThat(f.drain(StateChanged.class)).singleElement()
                .satisfies(c -> assertThat(c.time().toEpochMilli()).isEqualTo(vouchEnded + 30_000));
    }

    @Test
    void vouchingComingBackWithinTheTimeoutLeavesTheStateAlone() throws Exception {
        EngineFixture f = new EngineFixture();
        f.engine.setDevices(0, true, f.now);
        f.at(1000).running(true).drain();
        f.at(300_000).tick();

        f.engine.setDevices(0, false, f.now);
        f.at(5_000).tick();
        f.engine.setDevices(0, true, f.now);
        f.at(300_000).tick();

        assertThat(f.engine.state()).isEqualTo(MachineState.RUNNING);
        assertThat(f.drain(StateChanged.class)).isEmpty();
    }

    @Test
    void shortStopIsAMinorStop() throws Exception {
        EngineFixture f = new EngineFixture();
        f.at(1000).running(true).at(1000).running(false).at(45_000).running(true);

        assertThat(f.drain(DowntimeEnded.class)).singleElement().satisfies(d -> {
            assertThat(d.minorStop()).isTrue();
            assertThat(d.duration()).isEqualTo(Duration.ofSeconds(45));
        });
    }

    @Test
    void longStopIsNotAMinorStop() throws Exception {
        EngineFixture f = new EngineFixture();
        f.at(1000).running(true).at(1000).send(SignalKind.FAULT_CODE, 23).running(false);
        for (int i = 0; i < 10; i++) {
            f.at(10_000).running(false);
        }
        f.at(1000).running(true).send(SignalKind.FAULT_CODE, 0);

        assertThat(f.drain(DowntimeEnded.class)).singleElement().satisfies(d -> {
            assertThat(d.minorStop()).isFalse();
            assertThat(d.state()).isEqualTo(MachineState.DOWN);
            assertThat(d.duration()).isEqualTo(Duration.ofSeconds(101));
        });
    }

    @Test
    void downThenIdleEndsOneDowntimeAndStartsAnother() throws Exception {
        EngineFixture f = new EngineFixture();
        f.at(1000).running(true).at(1000).send(SignalKind.FAULT_CODE, 17).running(false);
        f.at(5000).send(SignalKind.FAULT_CODE, 0);

        List<MachineEvent> events = f.drain();
        assertThat(events).filteredOn(e -> e instanceof DowntimeStarted).hasSize(2);
        assertThat(events).filteredOn(e -> e instanceof DowntimeEnded).hasSize(1);
        assertThat(f.engine.state()).isEqualTo(MachineState.IDLE);
    }

    @Test
    void countsGoIntoMinuteBucketsWithTheirProductAndIdealCycle() throws Exception {
        EngineFixture f = new EngineFixture();
        f.at(1000).running(true).send(SignalKind.TOTAL_COUNT, 100).send(SignalKind.REJECT_COUNT, 10);
        f.at(10_000).send(SignalKind.TOTAL_COUNT, 130).send(SignalKind.REJECT_COUNT, 12);
        f.at(60_000).send(SignalKind.TOTAL_COUNT, 190);

        List<CountRecorded> counts = f.drain(CountRecorded.class);
        assertThat(counts).singleElement().satisfies(c -> {
            assertThat(c.time()).isEqualTo(Instant.ofEpochMilli(EngineFixture.T0));
            assertThat(c.total()).isEqualTo(30);
            assertThat(c.rejects()).isEqualTo(2);
            assertThat(c.idealCycleTime()).isEqualTo(Duration.ofSeconds(1));
        });
        f.at(70_000).tick();
        assertThat(f.drain(CountRecorded.class)).singleElement()
                .satisfies(c -> assertThat(c.total()).isEqualTo(60));
    }

    @Test
    void goodCounterGivesRejectsAsTheDifference() throws Exception {
        EngineFixture f = new EngineFixture(Map.of("rejectCount", "", "goodCount", "plc1/good"), PlannedStops.NEVER);
        f.at(1000).running(true).send(SignalKind.TOTAL_COUNT, 0).send(SignalKind.GOOD_COUNT, 0);
        f.at(1000).send(SignalKind.TOTAL_COUNT, 50).send(SignalKind.GOOD_COUNT, 47);
        f.engine.flush();
        assertThat(f.drain(CountRecorded.class)).singleElement()
                .satisfies(c -> assertThat(c.rejects()).isEqualTo(3));
    }

    @Test
    void countsIncreasingMeanRunningWithoutARunningSignal() throws Exception {
        EngineFixture f = new EngineFixture(Map.of("running", "", "runningWindow", "10"), PlannedStops.NEVER);
        f.at(1000).send(SignalKind.TOTAL_COUNT, 5);
        assertThat(f.engine.state()).isEqualTo(MachineState.IDLE);
        f.at(1000).send(SignalKind.TOTAL_COUNT, 6);
        assertThat(f.engine.state()).isEqualTo(MachineState.RUNNING);

        long lastIncrease = f.now;
        f.at(5000).send(SignalKind.TOTAL_COUNT, 6);
        f.at(6000).tick();
        assertThat(f.engine.state()).isEqualTo(MachineState.IDLE);
        assertThat(f.drain(StateChanged.class)).last()
                .satisfies(c -> assertThat(c.time()).isEqualTo(Instant.ofEpochMilli(lastIncrease + 10_000)));
    }

    @Test
    void productSetsTheIdealCycleTime() throws Exception {
        EngineFixture f = new EngineFixture(Map.of("products", "SKU-A=2.5"), PlannedStops.NEVER);
        f.at(1000).running(true).send(SignalKind.TOTAL_COUNT, 0).at(1000).send(SignalKind.TOTAL_COUNT, 4);

        f.engine.setProduct("SKU-A", f.now);
        f.at(1000).send(SignalKind.TOTAL_COUNT, 6);
        f.engine.flush();

        List<MachineEvent> events = f.drain();
        assertThat(events).filteredOn(e -> e instanceof ProductChanged).singleElement()
                .satisfies(e -> assertThat(((ProductChanged) e).idealCycleTime()).isEqualTo(Duration.ofMillis(2500)));
        List<CountRecorded> counts = events.stream().filter(e -> e instanceof CountRecorded)
                .map(e -> (CountRecorded) e).toList();
        assertThat(counts).extracting(CountRecorded::total).containsExactly(4L, 2L);
        assertThat(counts).extracting(CountRecorded::product).containsExactly("", "SKU-A");
        assertThat(counts.get(1).idealCycleTime()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void restartFromCheckpointNeitherLosesNorDoublesCounts() throws Exception {
        EngineFixture f = new EngineFixture();
        f.at(1000).running(true).send(SignalKind.TOTAL_COUNT, 1000);
        f.at(1000).send(SignalKind.TOTAL_COUNT, 1010);
        f.at(60_000).send(SignalKind.TOTAL_COUNT, 1015); // new minute: the first bucket (10) is emitted
        long emitted = f.drain(CountRecorded.class).stream().mapToLong(CountRecorded::total).sum();
        MachineCheckpoint checkpoint = f.engine.takeCheckpoint(f.now);
        assertThat(emitted).isEqualTo(10);
        assertThat(checkpoint.counterBaselines()).containsEntry("total", 1010L);

        // crash: the open bucket (5 parts) was never stored; a new engine resumes from the checkpoint
        EngineFixture g = new EngineFixture();
        g.now = f.now + 5000;
        g.engine.restore(checkpoint, null, g.now);
        g.at(1000).send(SignalKind.TOTAL_COUNT, 1020);
        g.engine.flush();

        long after = g.drain(CountRecorded.class).stream().mapToLong(CountRecorded::total).sum();
        assertThat(emitted + after).isEqualTo(20);
        assertThat(g.engine.state()).isEqualTo(MachineState.RUNNING);
    }

    @Test
    void restoredOpenDowntimeStaysOpen() throws Exception {
        EngineFixture f = new EngineFixture();
        f.at(1000).running(true).at(1000).send(SignalKind.FAULT_CODE, 17).running(false);
        String downtime = f.engine.openDowntimeId();
        MachineCheckpoint checkpoint = f.engine.takeCheckpoint(f.now);
        var record = new io.millwright.api.store.DowntimeRecord(downtime, "press01", f.engine.since(), null,
                MachineState.DOWN, "MECH.JAM", null, null, false);

        EngineFixture g = new EngineFixture();
        g.now = f.now + 10_000;
        g.engine.restore(checkpoint, record, g.now);
        g.at(1000).running(true).send(SignalKind.FAULT_CODE, 0);

        assertThat(g.drain(DowntimeEnded.class)).singleElement().satisfies(d -> {
            assertThat(d.downtimeId()).isEqualTo(downtime);
            assertThat(d.duration()).isEqualTo(Duration.ofSeconds(11));
        });
    }

    @Test
    void stateChangesNeverGoBackInTime() throws Exception {
        EngineFixture f = new EngineFixture();
        f.at(10_000).running(true);
        f.now -= 5000; // a late sample stamped before the last change
        f.running(false);
        assertThat(f.drain(StateChanged.class)).extracting(StateChanged::time)
                .isSorted();
    }
}
