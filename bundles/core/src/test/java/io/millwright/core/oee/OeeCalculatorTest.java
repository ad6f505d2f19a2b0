package io.millwright.core.oee;

import static io.millwright.api.machine.MachineState.DOWN;
import static io.millwright.api.machine.MachineState.IDLE;
import static io.millwright.api.machine.MachineState.OFFLINE;
import static io.millwright.api.machine.MachineState.PLANNED_STOP;
import static io.millwright.api.machine.MachineState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.millwright.api.machine.MachineState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class OeeCalculatorTest {

    private static final Instant SHIFT_START = Instant.parse("2024-03-04T06:00:00Z");
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @Test
    void oeeComExampleGivesPublishedFigures() {
        // 480 min shift, breaks of 15 + 15 + 30 min, 47 min down, 1.0 s ideal cycle, 19,271 parts, 423 rejects.
        OeeInput input = new OeeInput(at(0), at(480),
                List.of(period(120, 135), period(240, 270), period(360, 375)),
                List.of(state(0, 30, RUNNING), state(30, 77, DOWN), state(77, 480, RUNNING)),
                List.of(count(100, 10_000, 200, ONE_SECOND), count(400, 9_271, 223, ONE_SECOND)));

        OeeResult result = OeeCalculator.calculate(input);

        assertThat(result.plannedProductionTime()).isEqualTo(minutes(420));
        assertThat(result.runTime()).isEqualTo(minutes(373));
        assertThat(percent(result.availability())).isEqualTo(88.81);
        assertThat(percent(result.performance())).isEqualTo(86.11);
        assertThat(percent(result.quality())).isEqualTo(97.80);
        assertThat(percent(result.oee())).isEqualTo(74.79);
        assertThat(result.performanceAboveIdeal()).isFalse();
        assertThat(result.goodCount()).isEqualTo(18_848);
        assertThat(result.sixBigLosses()).isEqualTo(new SixBigLosses(minutes(47), Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(373 * 60 - 19_271), Duration.ofSeconds(423), Duration.ZERO));
    }

    @Test
    void wholeWindowPlannedStopLeavesAllRatiosEmpty() {
        OeeInput input = new OeeInput(at(0), at(60), List.of(period(-10, 70)),
                List.of(state(0, 60, RUNNING)), List.of());

        OeeResult result = OeeCalculator.calculate(input);

        assertThat(result.plannedStopTime()).isEqualTo(minutes(60));
        assertThat(result.plannedProductionTime()).isZero();
        assertThat(result.availability()).isEmpty();
        assertThat(result.performance()).isEmpty();
        assertThat(result.quality()).isEmpty();
        assertThat(result.oee()).isEmpty();
        assertThat(result.teep()).isEmpty();
        assertThat(result.performanceAboveIdeal()).isFalse();
    }

    @Test
    void zeroCountsLeaveQualityAndPerformanceEmptyButAvailabilityDefined() {
        OeeInput input = new OeeInput(at(0), at(60), List.of(),
                List.of(state(0, 45, RUNNING), state(45, 60, DOWN)),
                List.of(count(10, 0, 0, ONE_SECOND)));

        OeeResult result = OeeCalculator.calculate(input);

        assertThat(result.availability()).hasValue(0.75);
        assertThat(result.performance()).isEmpty();
        assertThat(result.quality()).isEmpty();
        assertThat(result.oee()).isEmpty();
        assertThat(result.teep()).isEmpty();
    }

    @Test
    void zeroRunTimeLeavesPerformanceEmptyAndAvailabilityZero() {
        OeeInput input = new OeeInput(at(0), at(60), List.of(), List.of(state(0, 60, DOWN)),
                List.of(count(10, 5, 1, ONE_SECOND)));

        OeeResult result = OeeCalculator.calculate(input);

        assertThat(result.availability()).hasValue(0.0);
        assertThat(result.performance()).isEmpty();
        assertThat(result.quality()).hasValue(0.8);
        assertThat(result.oee()).isEmpty();
    }

    @Test
    void countsAboveIdealRateGivePerformanceAboveOneAndFlagIt() {
        OeeInput input = new OeeInput(at(0), at(60), List.of(), List.of(state(0, 60, RUNNING)),
                List.of(count(30, 4_000, 0, ONE_SECOND)));

        OeeResult result = OeeCalculator.calculate(input);

        assertThat(result.performance().getAsDouble()).isCloseTo(4_000.0 / 3_600.0, within(1e-12));
        assertThat(result.performanceAboveIdeal()).isTrue();
        assertThat(result.oee().getAsDouble()).isGreaterThan(1.0);
        assertThat(result.sixBigLosses().slowCycles()).isZero();
    }

    @Test
    void offlinePeriodIsDataGapNotDowntime() {
        OeeInput input = new OeeInput(at(0), at(120), List.of(),
                List.of(state(0, 60, RUNNING), state(60, 90, OFFLINE), state(90, 120, RUNNING)), List.of());

        OeeResult result = OeeCalculator.calculate(input);

        assertThat(result.dataGapTime()).isEqualTo(minutes(30));
        assertThat(result.plannedProductionTime()).isEqualTo(minutes(90));
        assertThat(result.downTime()).isZero();
        assertThat(result.idleTime()).isZero();
        assertThat(result.runTime()).isEqualTo(minutes(90));
        assertThat(result.availability()).hasValue(1.0);
    }

    @Test
    void offlineWinsOverOverlappingRunningPeriod() {
        OeeInput input = new OeeInput(at(0), at(60), List.of(),
                List.of(state(0, 60, RUNNING), state(20, 30, OFFLINE)), List.of());

        OeeResult result = OeeCalculator.calculate(input);

        assertThat(result.dataGapTime()).isEqualTo(minutes(10));
        assertThat(result.runTime()).isEqualTo(minutes(50));
    }

    @Test
    void uncoveredPartOfWindowIsDataGap() {
        OeeInput input = new OeeInput(at(0), at(120), List.of(),
                List.of(state(-30, 60, RUNNING), state(60, 80, DOWN)), List.of());

        OeeResult result = OeeCalculator.calculate(input);

        assertThat(result.dataGapTime()).isEqualTo(minutes(40));
        assertThat(result.plannedProductionTime()).isEqualTo(minutes(80));
        assertThat(result.downTime()).isEqualTo(minutes(20));
        assertThat(result.runTime()).isEqualTo(minutes(60));
        assertThat(result.availability()).hasValue(0.75);
    }

    @Test
    void dataGapLeavesOutTimeAlreadyPlannedStop() {
        OeeInput input = new OeeInput(at(0), at(120), List.of(period(30, 90)),
                List.of(state(0, 60, OFFLINE), state(60, 120, RUNNING)), List.of());

        OeeResult result = OeeCalculator.calculate(input);

        assertThat(result.plannedStopTime()).isEqualTo(minutes(60));
        assertThat(result.dataGapTime()).isEqualTo(minutes(30));
        assertThat(result.plannedProductionTime()).isEqualTo(minutes(30));
        assertThat(result.runTime()).isEqualTo(minutes(30));
    }

    @Test
    void minorStopStaysInRunTimeAndShowsAsSmallStop() {
        OeeInput input = new OeeInput(at(0), at(60), List.of(),
                List.of(state(0, 20, RUNNING), minorStop(20, 22, DOWN), state(22, 40, RUNNING),
                        minorStop(40, 41, IDLE), state(41, 60, RUNNING)),
                List.of(count(30, 3_000, 0, ONE_SECOND)));

        OeeResult result = OeeCalculator.calculate(input);

        assertThat(result.runTime()).isEqualTo(minutes(60));
        assertThat(result.downTime()).isZero();
        assertThat(result.idleTime()).isZero();
        assertThat(result.minorStopTime()).isEqualTo(minutes(3));
        assertThat(result.availability()).hasValue(1.0);
        assertThat(result.sixBigLosses().smallStops()).isEqualTo(minutes(3));
        assertThat(result.sixBigLosses().unplannedStops()).isZero();
        // 60 min run − 50 min ideal − 3 min small stops
        assertThat(result.sixBigLosses().slowCycles()).isEqualTo(minutes(7));
    }

    @Test
    void setupStopGoesToSetupAndAdjustments() {
        OeeInput input = new OeeInput(at(0), at(120), List.of(),
                List.of(state(0, 30, RUNNING), setupStop(30, 50, DOWN), state(50, 80, RUNNING),
                        state(80, 90, DOWN), setupStop(90, 100, IDLE), state(100, 120, RUNNING)),
                List.of());

        OeeResult result = OeeCalculator.calculate(input);

        assertThat(result.downTime()).isEqualTo(minutes(30));
        assertThat(result.idleTime()).isEqualTo(minutes(10));
        assertThat(result.setupTime()).isEqualTo(minutes(30));
        assertThat(result.unplannedStopTime()).isEqualTo(minutes(40));
        assertThat(result.runTime()).isEqualTo(minutes(80));
        assertThat(result.sixBigLosses().setupAndAdjustments()).isEqualTo(minutes(30));
        assertThat(result.sixBigLosses().unplannedStops()).isEqualTo(minutes(10));
    }

    @Test
    void minorSetupStopIsSmallStopNotSetup() {
        OeeInput input = new OeeInput(at(0), at(60), List.of(),
                List.of(state(0, 60, RUNNING), new StatePeriod(at(10), at(11), IDLE, true, true)), List.of());

        OeeResult result = OeeCalculator.calculate(input);

        assertThat(result.setupTime()).isZero();
        assertThat(result.sixBigLosses().smallStops()).isEqualTo(minutes(1));
        assertThat(result.runTime()).isEqualTo(minutes(60));
    }

    @Test
    void startupRejectsAreSplitFromProductionRejects() {
        Duration cycle = Duration.ofSeconds(2);
        OeeInput input = new OeeInput(at(0), at(60), List.of(), List.of(state(0, 60, RUNNING)),
                List.of(new CountSample(at(5), 100, 10, cycle, true), count(30, 1_000, 5, cycle)));

        OeeResult result = OeeCalculator.calculate(input);

        assertThat(result.rejectCount()).isEqualTo(15);
        assertThat(result.goodCount()).isEqualTo(1_085);
        assertThat(result.sixBigLosses().startupRejects()).isEqualTo(Duration.ofSeconds(20));
        assertThat(result.sixBigLosses().productionRejects()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void overlappingPlannedStopsAreNotDoubleCounted() {
        OeeInput input = new OeeInput(at(0), at(480),
                List.of(period(100, 160), period(130, 190), period(170, 200), period(-60, 30)),
                List.of(state(0, 480, RUNNING), state(190, 210, PLANNED_STOP)), List.of());

        OeeResult result = OeeCalculator.calculate(input);

        // 0–30 (clipped to the window) + 100–210 (three calendar stops and a PLANNED_STOP state merged)
        assertThat(result.plannedStopTime()).isEqualTo(minutes(140));
        assertThat(result.plannedProductionTime()).isEqualTo(minutes(340));
        assertThat(result.runTime()).isEqualTo(minutes(340));
    }

    @Test
    void plannedStopOverlappingDownPeriodIsNotDowntime() {
        OeeInput input = new OeeInput(at(0), at(120), List.of(period(60, 90)),
                List.of(state(0, 40, RUNNING), state(40, 80, DOWN), state(80, 120, RUNNING)), List.of());

        OeeResult result = OeeCalculator.calculate(input);

        assertThat(result.plannedStopTime()).isEqualTo(minutes(30));
        assertThat(result.downTime()).isEqualTo(minutes(20));
        assertThat(result.plannedProductionTime()).isEqualTo(minutes(90));
        assertThat(result.runTime()).isEqualTo(minutes(70));
    }

    @Test
    void overlappingStatesResolveByPrecedenceAndRealStopsOutrankMinorOnes() {
        OeeInput input = new OeeInput(at(0), at(60), List.of(),
                List.of(state(0, 60, RUNNING), state(10, 20, DOWN), state(15, 30, IDLE),
                        minorStop(40, 45, DOWN), state(42, 50, DOWN)),
                List.of());

        OeeResult result = OeeCalculator.calculate(input);

        assertThat(result.downTime()).isEqualTo(minutes(18));
        assertThat(result.idleTime()).isEqualTo(minutes(10));
        assertThat(result.minorStopTime()).isEqualTo(minutes(2));
        assertThat(result.runTime()).isEqualTo(minutes(32));
    }

    @Test
    void countsOutsideWindowAreIgnored() {
        OeeInput input = new OeeInput(at(0), at(60), List.of(), List.of(state(0, 60, RUNNING)),
                List.of(count(-1, 500, 50, ONE_SECOND), count(0, 100, 1, ONE_SECOND),
                        count(59, 200, 2, ONE_SECOND), count(60, 700, 70, ONE_SECOND)));

        OeeResult result = OeeCalculator.calculate(input);

        assertThat(result.totalCount()).isEqualTo(300);
        assertThat(result.rejectCount()).isEqualTo(3);
        assertThat(result.idealTime()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void teepScalesOeeByPlannedShareOfCalendarTime() {
        OeeInput input = new OeeInput(at(0), at(480), List.of(period(0, 240)),
                List.of(state(0, 480, RUNNING), state(240, 300, DOWN)),
                List.of(count(400, 9_000, 900, ONE_SECOND)));

        OeeResult result = OeeCalculator.calculate(input);

        assertThat(result.calendarTime()).isEqualTo(minutes(480));
        assertThat(result.availability().getAsDouble()).isCloseTo(0.75, within(1e-12));
        assertThat(result.performance().getAsDouble()).isCloseTo(9_000.0 / 10_800.0, within(1e-12));
        assertThat(result.quality().getAsDouble()).isCloseTo(0.9, within(1e-12));
        assertThat(result.oee().getAsDouble()).isCloseTo(0.5625, within(1e-12));
        assertThat(result.teep().getAsDouble()).isCloseTo(0.28125, within(1e-12));
    }

    @Test
    void lineAggregationRecomputesRatiosFromSummedTimes() {
        // Machine A: planned 480 min, 80 min down, 20,000 parts at 1 s, 1,000 rejects.
        OeeResult a = OeeCalculator.calculate(new OeeInput(at(0), at(480), List.of(),
                List.of(state(0, 80, DOWN), state(80, 480, RUNNING)),
                List.of(count(300, 20_000, 1_000, ONE_SECOND))));
        // Machine B: scheduled for half the shift, 40 min idle, 5,000 parts at 2 s, no rejects.
        OeeResult b = OeeCalculator.calculate(new OeeInput(at(0), at(480), List.of(period(240, 480)),
                List.of(state(0, 200, RUNNING), state(200, 240, IDLE)),
                List.of(count(100, 5_000, 0, Duration.ofSeconds(2)))));

        OeeResult line = OeeCalculator.aggregate(List.of(a, b));

        assertThat(line.from()).isEqualTo(at(0));
        assertThat(line.to()).isEqualTo(at(480));
        assertThat(line.calendarTime()).isEqualTo(minutes(960));
        assertThat(line.plannedStopTime()).isEqualTo(minutes(240));
        assertThat(line.plannedProductionTime()).isEqualTo(minutes(720));
        assertThat(line.runTime()).isEqualTo(minutes(600));
        assertThat(line.downTime()).isEqualTo(minutes(80));
        assertThat(line.idleTime()).isEqualTo(minutes(40));
        assertThat(line.idealTime()).isEqualTo(Duration.ofSeconds(30_000));
        assertThat(line.totalCount()).isEqualTo(25_000);
        assertThat(line.goodCount()).isEqualTo(24_000);
        assertThat(line.availability().getAsDouble()).isCloseTo(600.0 / 720.0, within(1e-12));
        assertThat(line.performance().getAsDouble()).isCloseTo(30_000.0 / 36_000.0, within(1e-12));
        assertThat(line.quality().getAsDouble()).isCloseTo(0.96, within(1e-12));
        assertThat(line.oee().getAsDouble()).isCloseTo(2.0 / 3.0, within(1e-12));
        assertThat(line.teep().getAsDouble()).isCloseTo(0.5, within(1e-12));
        // the time-weighted figure differs from the plain mean of the two machines' OEE
        double mean = (a.oee().getAsDouble() + b.oee().getAsDouble()) / 2;
        assertThat(line.oee().getAsDouble()).isNotCloseTo(mean, within(1e-3));
        assertThat(line.sixBigLosses()).isEqualTo(new SixBigLosses(minutes(120), Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(6_000), Duration.ofSeconds(1_000), Duration.ZERO));
    }

    @Test
    void aggregatingNothingIsRejected() {
        assertThatThrownBy(() -> OeeCalculator.aggregate(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("results");
    }

    @Test
    void windowThatDoesNotStartBeforeItEndsIsRejected() {
        assertThatThrownBy(() -> new OeeInput(at(60), at(60), List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window")
                .hasMessageContaining(at(60).toString());
    }

    @Test
    void periodEndingBeforeItStartsIsRejected() {
        assertThatThrownBy(() -> period(30, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(at(30).toString())
                .hasMessageContaining("end is before start");
        assertThatThrownBy(() -> state(30, 20, DOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("state period DOWN");
    }

    @Test
    void rejectsAboveTotalAreRejected() {
        assertThatThrownBy(() -> count(0, 3, 5, ONE_SECOND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count sample at " + at(0))
                .hasMessageContaining("rejects=5");
    }

    @Test
    void negativeCountsAreRejected() {
        assertThatThrownBy(() -> count(0, -1, 0, ONE_SECOND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("total=-1");
        assertThatThrownBy(() -> count(0, 1, -1, ONE_SECOND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rejects=-1");
    }

    @Test
    void nullListEntryIsRejectedByPosition() {
        assertThatThrownBy(() -> new OeeInput(at(0), at(60), List.of(), List.of(),
                java.util.Arrays.asList(count(0, 1, 0, ONE_SECOND), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("counts[1] is null");
    }

    private static Instant at(long minutes) {
        return SHIFT_START.plus(Duration.ofMinutes(minutes));
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static Period period(long fromMinute, long toMinute) {
        return new Period(at(fromMinute), at(toMinute));
    }

    private static StatePeriod state(long fromMinute, long toMinute, MachineState state) {
        return StatePeriod.of(at(fromMinute), at(toMinute), state);
    }

    private static StatePeriod minorStop(long fromMinute, long toMinute, MachineState state) {
        return new StatePeriod(at(fromMinute), at(toMinute), state, true, false);
    }

    private static StatePeriod setupStop(long fromMinute, long toMinute, MachineState state) {
        return new StatePeriod(at(fromMinute), at(toMinute), state, false, true);
    }

    private static CountSample count(long minute, long total, long rejects, Duration idealCycleTime) {
        return new CountSample(at(minute), total, rejects, idealCycleTime, false);
    }

    /** A ratio as percent rounded to two decimals, the way the published example states it. */
    private static double percent(OptionalDouble ratio) {
        return Math.round(ratio.getAsDouble() * 10_000) / 100.0;
    }
}
