package io.millwright.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShiftCalendarDstTest {

    @Test
    void berlinSpringForwardNightShiftLastsSevenHours() {
        ShiftCalendar calendar = CalendarFixture.in("Europe/Berlin").shifts("Night 22:00-06:00").build();

        ShiftInstance night = calendar.shiftAt(Instant.parse("2026-03-29T00:30:00Z")).orElseThrow();

        assertThat(night.date()).isEqualTo(LocalDate.of(2026, 3, 28));
        assertThat(night.start()).isEqualTo(Instant.parse("2026-03-28T21:00:00Z"));
        assertThat(night.end()).isEqualTo(Instant.parse("2026-03-29T04:00:00Z"));
        assertThat(night.duration()).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void berlinSpringForwardBreaksFallAtTheirWallClockInstants() {
        ShiftCalendar calendar = CalendarFixture.in("Europe/Berlin").shifts("Night 22:00-06:00")
                .breaks("Night 01:00-01:15", "Night 04:00-04:30").build();

        List<PlannedStop> stops = calendar.plannedStops(Instant.parse("2026-03-28T21:00:00Z"),
                Instant.parse("2026-03-29T04:00:00Z"));

        assertThat(stops).containsExactly(
                new PlannedStop(Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-29T00:15:00Z"), "break"),
                new PlannedStop(Instant.parse("2026-03-29T02:00:00Z"), Instant.parse("2026-03-29T02:30:00Z"), "break"));
    }

    @Test
    void breakInTheSpringForwardGapMovesForwardByTheGap() {
        ShiftCalendar calendar = CalendarFixture.in("Europe/Berlin").shifts("Night 22:00-06:00")
                .breaks("Night 02:00-02:30").build();

        assertThat(calendar.plannedStops(Instant.parse("2026-03-28T21:00:00Z"), Instant.parse("2026-03-29T04:00:00Z")))
                .containsExactly(new PlannedStop(Instant.parse("2026-03-29T01:00:00Z"),
                        Instant.parse("2026-03-29T01:30:00Z"), "break"));
    }

    @Test
    void berlinFallBackNightShiftLastsNineHours() {
        ShiftCalendar calendar = CalendarFixture.in("Europe/Berlin").shifts("Night 22:00-06:00").build();

        ShiftInstance night = calendar.shiftAt(Instant.parse("2026-10-25T01:30:00Z")).orElseThrow();

        assertThat(night.date()).isEqualTo(LocalDate.of(2026, 10, 24));
        assertThat(night.start()).isEqualTo(Instant.parse("2026-10-24T20:00:00Z"));
        assertThat(night.end()).isEqualTo(Instant.parse("2026-10-25T05:00:00Z"));
        assertThat(night.duration()).isEqualTo(Duration.ofHours(9));
    }

    @Test
    void berlinFallBackBreaksFallAtTheirWallClockInstantsAndRepeatedHourTakesTheEarlierOffset() {
        ShiftCalendar calendar = CalendarFixture.in("Europe/Berlin").shifts("Night 22:00-06:00")
                .breaks("Night 01:00-01:15", "Night 02:30-02:45", "Night 04:00-04:30").build();

        List<PlannedStop> stops = calendar.plannedStops(Instant.parse("2026-10-24T20:00:00Z"),
                Instant.parse("2026-10-25T05:00:00Z"));

        assertThat(stops).containsExactly(
                new PlannedStop(Instant.parse("2026-10-24T23:00:00Z"), Instant.parse("2026-10-24T23:15:00Z"), "break"),
                new PlannedStop(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T00:45:00Z"), "break"),
                new PlannedStop(Instant.parse("2026-10-25T03:00:00Z"), Instant.parse("2026-10-25T03:30:00Z"), "break"));
    }

    @Test
    void newYorkSpringForwardNightShiftLastsSevenHours() {
        ShiftCalendar calendar = CalendarFixture.in("America/New_York").shifts("Night 22:00-06:00")
                .breaks("Night 03:00-03:30").build();

        ShiftInstance night = calendar.shiftAt(Instant.parse("2026-03-08T05:00:00Z")).orElseThrow();

        assertThat(night.date()).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(night.start()).isEqualTo(Instant.parse("2026-03-08T03:00:00Z"));
        assertThat(night.end()).isEqualTo(Instant.parse("2026-03-08T10:00:00Z"));
        assertThat(night.duration()).isEqualTo(Duration.ofHours(7));
        assertThat(calendar.isPlannedStop(Instant.parse("2026-03-08T07:00:00Z"))).isTrue();
        assertThat(calendar.isPlannedStop(Instant.parse("2026-03-08T07:30:00Z"))).isFalse();
    }

    @Test
    void newYorkFallBackNightShiftLastsNineHours() {
        ShiftCalendar calendar = CalendarFixture.in("America/New_York").shifts("Night 22:00-06:00")
                .breaks("Night 01:30-01:45").build();

        ShiftInstance night = calendar.shiftAt(Instant.parse("2026-11-01T06:30:00Z")).orElseThrow();

        assertThat(night.date()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(night.start()).isEqualTo(Instant.parse("2026-11-01T02:00:00Z"));
        assertThat(night.end()).isEqualTo(Instant.parse("2026-11-01T11:00:00Z"));
        assertThat(night.duration()).isEqualTo(Duration.ofHours(9));
        // 01:30 happens twice; the break takes the first (EDT) one only.
        assertThat(calendar.isPlannedStop(Instant.parse("2026-11-01T05:30:00Z"))).isTrue();
        assertThat(calendar.isPlannedStop(Instant.parse("2026-11-01T06:30:00Z"))).isFalse();
    }

    @Test
    void shiftStartingInTheSpringForwardGapStartsWhenTheClockResumes() {
        ShiftCalendar calendar = CalendarFixture.in("Europe/Berlin").shifts("Odd 02:30-10:00").build();

        ShiftInstance odd = calendar.shiftAt(Instant.parse("2026-03-29T05:00:00Z")).orElseThrow();

        assertThat(odd.start()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(odd.end()).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
    }

    @Test
    void shiftEndingInTheSpringForwardGapIsCutWhereTheNextShiftStarts() {
        ShiftCalendar calendar = CalendarFixture.in("Europe/Berlin").shifts("A 18:00-02:30", "B 03:00-18:00").build();

        List<ShiftInstance> day = calendar.shifts(Instant.parse("2026-03-28T17:00:00Z"),
                Instant.parse("2026-03-29T16:00:00Z"));

        assertThat(day).extracting(ShiftInstance::name).containsExactly("A", "B");
        assertThat(day.get(0).end()).isEqualTo(day.get(1).start()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void threeShiftsEveryDayLeaveNoPlannedStopAcrossEitherChange() {
        ShiftCalendar calendar = CalendarFixture.in("Europe/Berlin")
                .shifts("Early 06:00-14:00", "Late 14:00-22:00", "Night 22:00-06:00").build();

        assertThat(calendar.plannedStops(Instant.parse("2026-03-27T00:00:00Z"), Instant.parse("2026-03-31T00:00:00Z")))
                .isEmpty();
        // The three shifts that start on the day before the change hold its extra hour.
        List<ShiftInstance> saturday = calendar.shifts(Instant.parse("2026-10-24T00:00:00Z"),
                Instant.parse("2026-10-25T12:00:00Z")).stream()
                .filter(s -> s.date().equals(LocalDate.of(2026, 10, 24))).toList();
        assertThat(saturday).extracting(ShiftInstance::name).containsExactly("Early", "Late", "Night");
        assertThat(saturday.stream().map(ShiftInstance::duration).reduce(Duration.ZERO, Duration::plus))
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void twentyFourHourShiftLastsTwentyThreeHoursOnTheSpringForwardDay() {
        ShiftCalendar calendar = CalendarFixture.in("Europe/Berlin").shifts("Day 06:00-06:00").build();

        ShiftInstance day = calendar.shiftAt(Instant.parse("2026-03-29T00:00:00Z")).orElseThrow();

        assertThat(day.duration()).isEqualTo(Duration.ofHours(23));
    }
}
