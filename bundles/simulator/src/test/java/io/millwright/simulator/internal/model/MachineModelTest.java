package io.millwright.simulator.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.millwright.api.simulation.ControllerStatus;
import io.millwright.api.simulation.MachineSnapshot;
import io.millwright.api.simulation.StopCause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineModelTest {

    private static final long START = 1_790_000_000_000L;
    private static final long HOUR = 3_600_000L;

    private static MachineProfile lossy() {
        return MachineProfile.of(1000).withRejectRate(0.05).withFaults(6, 60, List.of(17, 23, 41))
                .withMinorStops(20, 10).withStarvations(2, 120);
    }

    @Test
    void sameSeedGivesTheSameHistoryHoweverTimeIsStepped() {
        List<StateChange> coarse = new ArrayList<>();
        MachineModel a = new MachineModel(lossy(), 42, START, 0, 0, coarse::add);
        for (long t = START; t <= START + 24 * HOUR; t += HOUR) {
            a.advanceTo(t);
        }
        List<StateChange> fine = new ArrayList<>();
        MachineModel b = new MachineModel(lossy(), 42, START, 0, 0, fine::add);
        for (long t = START; t <= START + 24 * HOUR; t += 997) {
            b.advanceTo(t);
        }
        b.advanceTo(START + 24 * HOUR);

        assertThat(coarse).hasSizeGreaterThan(100).isEqualTo(fine);
        assertThat(a.snapshot()).isEqualTo(b.snapshot());
    }

    @Test
    void anotherSeedGivesAnotherHistory() {
        List<StateChange> one = new ArrayList<>();
        new MachineModel(lossy(), 42, START, 0, 0, one::add).advanceTo(START + 10 * HOUR);
        List<StateChange> other = new ArrayList<>();
        new MachineModel(lossy(), 43, START, 0, 0, other::add).advanceTo(START + 10 * HOUR);

        assertThat(one).isNotEqualTo(other);
    }

    @Test
    void ratesAndDurationsComeOutAsConfiguredOverALongRun() {
        RunTally tally = new RunTally();
        MachineModel model = new MachineModel(lossy(), 7, START, 0, 0, tally::add);
        model.advanceTo(START + 500 * HOUR);
        tally.close(model.now());
        MachineSnapshot s = model.snapshot();
        double runningHours = tally.runningMs / HOUR;

        assertThat((double) s.rejectCount() / s.totalCount()).isCloseTo(0.05, within(0.003));
        assertThat(s.totalCount() / runningHours).isCloseTo(3600, within(3600 * 0.01));
        assertThat(tally.count(StopCause.FAULT) / runningHours).isCloseTo(6, within(6 * 0.06));
        assertThat(tally.count(StopCause.MINOR_STOP) / runningHours).isCloseTo(20, within(20 * 0.05));
        assertThat(tally.count(StopCause.STARVED) / runningHours).isCloseTo(2, within(2 * 0.1));
        assertThat(tally.meanSeconds(StopCause.FAULT)).isCloseTo(60, within(60 * 0.05));
        assertThat(tally.meanSeconds(StopCause.MINOR_STOP)).isCloseTo(10, within(10 * 0.05));
        assertThat(tally.faultCodes).containsOnly(17, 23, 41).hasSize(3);
    }

    @Test
    void countersWrapAtTwoToThe32() {
        MachineProfile everyPartRejected = new MachineProfile(10, 0, 1, 0, 1, List.of(), 0, 1, 0, 1, 0);
        MachineModel model = new MachineModel(everyPartRejected, 1, START, 0xFFFF_FFFDL, 0xFFFF_FFFFL, null);

        model.advanceTo(START + 50);

        assertThat(model.snapshot().totalCount()).isEqualTo(2);
        assertThat(model.snapshot().rejectCount()).isEqualTo(4);
    }

    @Test
    void aOneMillisecondCycleCountsAtOneKilohertz() {
        MachineModel model = new MachineModel(new MachineProfile(1, 0, 0, 0, 1, List.of(), 0, 1, 0, 1, 0), 1, START);

        model.advanceTo(START + 1000);

        assertThat(model.snapshot().totalCount()).isEqualTo(1000);
        assertThat(model.snapshot().speed()).isCloseTo(60_000, within(0.001));
    }

    @Test
    void speedFollowsTheJitteredCycleWhileRunningAndIsZeroWhenStopped() {
        MachineModel model = new MachineModel(MachineProfile.of(2000).withoutLosses(), 5, START);
        List<Double> speeds = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            model.advanceTo(START + i * 2000L);
            speeds.add(model.snapshot().speed());
        }

        assertThat(speeds).allSatisfy(v -> assertThat(v).isBetween(30 / 1.05, 30 / 0.95));
        assertThat(speeds.stream().distinct().count()).isGreaterThan(10);
        model.forceFault(17, null);
        assertThat(model.snapshot().speed()).isZero();
    }

    @Test
    void aForcedFaultLastsItsDurationThenTheMachineRuns() {
        MachineModel model = new MachineModel(MachineProfile.of(1000).withoutLosses(), 3, START);
        model.advanceTo(START + 5_500);
        long before = model.snapshot().totalCount();

        model.forceFault(99, Duration.ofSeconds(10));

        assertThat(model.snapshot()).extracting(MachineSnapshot::status, MachineSnapshot::cause, MachineSnapshot::faultCode)
                .containsExactly(ControllerStatus.DOWN, StopCause.FAULT, 99);
        model.advanceTo(START + 15_400);
        assertThat(model.snapshot().status()).isEqualTo(ControllerStatus.DOWN);
        assertThat(model.snapshot().totalCount()).isEqualTo(before);
        model.advanceTo(START + 15_600);
        assertThat(model.snapshot()).extracting(MachineSnapshot::status, MachineSnapshot::faultCode)
                .containsExactly(ControllerStatus.RUNNING, 0);
        model.advanceTo(START + 20_000);
        assertThat(model.snapshot().totalCount()).isGreaterThan(before);
    }

    @Test
    void aForcedFaultWithoutDurationHoldsUntilCleared() {
        MachineModel model = new MachineModel(MachineProfile.of(1000), 3, START);
        model.forceFault(500, null);

        model.advanceTo(START + 10 * HOUR);

        assertThat(model.snapshot().faultCode()).isEqualTo(500);
        assertThat(model.clearFault()).isTrue();
        assertThat(model.snapshot().status()).isEqualTo(ControllerStatus.RUNNING);
        assertThat(model.clearFault()).isFalse();
    }

    @Test
    void aPauseStopsProductionAndNoRandomStopHappensMeanwhile() {
        List<StateChange> changes = new ArrayList<>();
        MachineModel model = new MachineModel(lossy(), 11, START, 0, 0, changes::add);
        model.advanceTo(START + 60_000);
        model.clearFault();
        model.pause();
        long total = model.snapshot().totalCount();
        int changesAtPause = changes.size();

        model.advanceTo(START + 10 * HOUR);

        assertThat(model.snapshot()).extracting(MachineSnapshot::status, MachineSnapshot::cause, MachineSnapshot::paused,
                MachineSnapshot::totalCount, MachineSnapshot::speed)
                .containsExactly(ControllerStatus.IDLE, StopCause.PAUSED, true, total, 0.0);
        assertThat(changes).hasSize(changesAtPause);
        assertThat(model.resume()).isTrue();
        assertThat(model.snapshot().status()).isEqualTo(ControllerStatus.RUNNING);
        assertThat(model.resume()).isFalse();
    }

    @Test
    void aFaultWhilePausedEndsInThePause() {
        MachineModel model = new MachineModel(MachineProfile.of(1000).withoutLosses(), 3, START);
        model.pause();
        model.forceFault(23, Duration.ofSeconds(5));
        assertThat(model.snapshot().status()).isEqualTo(ControllerStatus.DOWN);

        model.advanceTo(START + 6_000);

        assertThat(model.snapshot()).extracting(MachineSnapshot::status, MachineSnapshot::cause)
                .containsExactly(ControllerStatus.IDLE, StopCause.PAUSED);
        model.resume();
        assertThat(model.snapshot().status()).isEqualTo(ControllerStatus.RUNNING);
    }

    @Test
    void theFirstFaultComesWhenConfigured() {
        MachineProfile profile = MachineProfile.of(1000).withoutLosses().withFaults(0, 30, List.of(41))
                .withFirstFaultAfter(90);
        MachineModel model = new MachineModel(profile, 3, START);

        model.advanceTo(START + 89_000);
        assertThat(model.snapshot().status()).isEqualTo(ControllerStatus.RUNNING);
        model.advanceTo(START + 92_000);
        assertThat(model.snapshot()).extracting(MachineSnapshot::status, MachineSnapshot::faultCode)
                .containsExactly(ControllerStatus.DOWN, 41);
        model.advanceTo(START + 200_000);
        assertThat(model.snapshot().status()).isEqualTo(ControllerStatus.RUNNING);
    }

    @Test
    void timeGoingBackwardsChangesNothing() {
        MachineModel model = new MachineModel(MachineProfile.of(100).withoutLosses(), 3, START);
        model.advanceTo(START + 10_000);
        MachineSnapshot at10s = model.snapshot();

        model.advanceTo(START + 5_000);

        assertThat(model.snapshot()).isEqualTo(at10s);
    }

    @Test
    void unusableSettingsAndCommandsAreRefusedByName() {
        assertThatThrownBy(() -> MachineProfile.of(0.01)).isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("cycleTimeMs = '0.01'")
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo("cycleTimeMs");
        assertThatThrownBy(() -> MachineProfile.of(1000).withRejectRate(1.5))
                .hasMessageStartingWith("rejectRate = '1.5'");
        assertThatThrownBy(() -> MachineProfile.of(1000).withFaults(1, 60, List.of(70_000)))
                .hasMessageStartingWith("faultCodes = '70000'");
        assertThatThrownBy(() -> MachineProfile.of(1000).withFaults(1, 60, List.of()))
                .hasMessageStartingWith("faultCodes");
        MachineModel model = new MachineModel(MachineProfile.of(1000), 3, START);
        assertThatThrownBy(() -> model.forceFault(0, null)).hasMessageContaining("fault code 0");
    }

    /** Adds up running time and stops by cause from the state changes of a run. */
    private static final class RunTally {
        double runningMs;
        private final java.util.Map<StopCause, Integer> counts = new java.util.EnumMap<>(StopCause.class);
        private final java.util.Map<StopCause, Double> stoppedMs = new java.util.EnumMap<>(StopCause.class);
        final java.util.Set<Integer> faultCodes = new java.util.TreeSet<>();
        private StateChange last;

        void add(StateChange change) {
            if (last != null) {
                double length = change.timeMillis() - last.timeMillis();
                if (last.status() == ControllerStatus.RUNNING) {
                    runningMs += length;
                } else {
                    stoppedMs.merge(last.cause(), length, Double::sum);
                }
            }
            if (change.status() != ControllerStatus.RUNNING) {
                counts.merge(change.cause(), 1, Integer::sum);
            }
            if (change.faultCode() != 0) {
                faultCodes.add(change.faultCode());
            }
            last = change;
        }

        void close(long now) {
            add(new StateChange(now, ControllerStatus.RUNNING, StopCause.NONE, 0));
        }

        int count(StopCause cause) {
            return counts.getOrDefault(cause, 0);
        }

        double meanSeconds(StopCause cause) {
            return stoppedMs.getOrDefault(cause, 0.0) / count(cause) / 1000;
        }
    }
}
