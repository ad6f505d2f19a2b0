package io.millwright.core.oee;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeIntervalsTest {

    private static final Instant T0 = Instant.parse("2024-03-04T00:00:00Z");

    @Test
    void overlappingAndTouchingPeriodsMergeAndEmptyOnesVanish() {
        TimeIntervals set = TimeIntervals.of(p(20, 30), p(0, 10), p(5, 12), p(12, 15), p(40, 40));

        assertThat(set.periods()).containsExactly(p(0, 15), p(20, 30));
        assertThat(set.length()).isEqualTo(Duration.ofMinutes(25));
    }

    @Test
    void intersectionKeepsOnlyCommonTime() {
        TimeIntervals a = TimeIntervals.of(p(0, 10), p(20, 30));
        TimeIntervals b = TimeIntervals.of(p(5, 25));

        assertThat(a.intersect(b).periods()).containsExactly(p(5, 10), p(20, 25));
    }

    @Test
    void subtractionSplitsAroundHoles() {
        TimeIntervals a = TimeIntervals.of(p(0, 60), p(70, 80));
        TimeIntervals holes = TimeIntervals.of(p(-5, 5), p(10, 20), p(30, 40), p(55, 75));

        assertThat(a.minus(holes).periods()).containsExactly(p(5, 10), p(20, 30), p(40, 55), p(75, 80));
    }

    @Test
    void subtractingAPeriodThatSpansSeveralLeavesNothing() {
        TimeIntervals a = TimeIntervals.of(p(0, 10), p(20, 30));

        assertThat(a.minus(TimeIntervals.of(p(-1, 31))).periods()).isEmpty();
        assertThat(TimeIntervals.EMPTY.minus(a).length()).isZero();
    }

    private static Period p(long fromMinute, long toMinute) {
        return new Period(T0.plus(Duration.ofMinutes(fromMinute)), T0.plus(Duration.ofMinutes(toMinute)));
    }
}
