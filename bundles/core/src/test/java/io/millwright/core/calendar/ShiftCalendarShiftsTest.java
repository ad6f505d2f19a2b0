package io.millwright.core.calendar;

import static io.millwright.core.calendar.CalendarFixture.local;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShiftCalendarShiftsTest {

    // 2026-03-02 is a Monday; Berlin is on CET all that week.
    private final ShiftCalendar calendar = CalendarFixture.threeShifts().build();

    @Test
    void threeShiftPatternRunsWithoutGapsFromSundayNightToFridayLate() {
        List<ShiftInstance> week = calendar.shifts(local(calendar, "2026-03-02T00:00"),
                local(calendar, "2026-03-07T00:00"));

        assertThat(week).hasSize(15);
        assertThat(week.get(0)).isEqualTo(new ShiftInstance("Night", LocalDate.of(2026, 3, 1),
                local(calendar, "2026-03-01T22:00"), local(calendar, "2026-03-02T06:00")));
        assertThat(week.get(14)).isEqualTo(new ShiftInstance("Late", LocalDate.of(2026, 3, 6),
                local(calendar, "2026-03-06T14:00"), local(calendar, "2026-03-06T22:00")));
        for (int i = 1; i < week.size(); i++) {
            assertThat(week.get(i).start()).isEqualTo(week.get(i - 1).end());
        }
        assertThat(week).extracting(ShiftInstance::duration).containsOnly(Duration.ofHours(8));
    }

    @Test
    void noShiftRunsAtTheWeekend() {
        assertThat(calendar.shiftAt(local(calendar, "2026-03-07T10:00"))).isEmpty();
        assertThat(calendar.shiftAt(local(calendar, "2026-03-06T23:00"))).isEmpty();
        assertThat(calendar.isPlannedStop(local(calendar, "2026-03-07T10:00"))).isTrue();
    }

    @Test
    void nightShiftAcrossMidnightBelongsToTheDayItStarts() {
        ShiftInstance night = calendar.shiftAt(local(calendar, "2026-03-03T03:00")).orElseThrow();

        assertThat(night.name()).isEqualTo("Night");
        assertThat(night.date()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(night.start()).isEqualTo(local(calendar, "2026-03-02T22:00"));
        assertThat(night.end()).isEqualTo(local(calendar, "2026-03-03T06:00"));
    }

    @Test
    void instantAtAShiftChangeBelongsToTheShiftThatStarts() {
        assertThat(calendar.shiftAt(local(calendar, "2026-03-02T14:00")).orElseThrow().name()).isEqualTo("Late");
        assertThat(calendar.shiftAt(local(calendar, "2026-03-02T13:59")).orElseThrow().name()).isEqualTo("Early");
    }

    @Test
    void shiftsReturnsEveryShiftOverlappingTheWindow() {
        List<ShiftInstance> found = calendar.shifts(local(calendar, "2026-03-02T13:00"),
                local(calendar, "2026-03-02T15:00"));

        assertThat(found).extracting(ShiftInstance::name).containsExactly("Early", "Late");
    }

    @Test
    void shiftsEndingAtTheWindowStartAreNotIncluded() {
        List<ShiftInstance> found = calendar.shifts(local(calendar, "2026-03-02T14:00"),
                local(calendar, "2026-03-02T22:00"));

        assertThat(found).extracting(ShiftInstance::name).containsExactly("Late");
    }

    @Test
    void shiftWithoutDaysRunsEveryDay() {
        ShiftCalendar daily = CalendarFixture.in("Europe/Berlin").shifts("Day 08:00-16:00").build();

        assertThat(daily.shifts(local(daily, "2026-03-02T00:00"), local(daily, "2026-03-09T00:00"))).hasSize(7);
    }

    @Test
    void commaListOfDaysSchedulesOnlyThoseDays() {
        ShiftCalendar listed = CalendarFixture.in("Europe/Berlin").shifts("Day 08:00-16:00 MON,WED,FRI").build();

        assertThat(listed.shifts(local(listed, "2026-03-02T00:00"), local(listed, "2026-03-09T00:00")))
                .extracting(s -> s.date().getDayOfWeek().name())
                .containsExactly("MONDAY", "WEDNESDAY", "FRIDAY");
    }

    @Test
    void dayRangeMayWrapPastSunday() {
        ShiftCalendar weekend = CalendarFixture.in("Europe/Berlin").shifts("Day 08:00-16:00 FRI-MON").build();

        assertThat(weekend.shifts(local(weekend, "2026-03-02T00:00"), local(weekend, "2026-03-09T00:00")))
                .extracting(s -> s.date().getDayOfWeek().name())
                .containsExactly("MONDAY", "FRIDAY", "SATURDAY", "SUNDAY");
    }

    @Test
    void previousShiftOfARunningShiftIsTheOneThatEndedBeforeItStarted() {
        ShiftInstance previous = calendar.previousShift(local(calendar, "2026-03-03T10:00")).orElseThrow();

        assertThat(previous.name()).isEqualTo("Night");
        assertThat(previous.date()).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void previousShiftOutsideAnyShiftIsTheLatestThatEnded() {
        ShiftInstance previous = calendar.previousShift(local(calendar, "2026-03-07T10:00")).orElseThrow();

        assertThat(previous.name()).isEqualTo("Late");
        assertThat(previous.date()).isEqualTo(LocalDate.of(2026, 3, 6));
    }

    @Test
    void previousShiftIncludesOneEndingExactlyAtTheInstant() {
        ShiftInstance previous = calendar.previousShift(local(calendar, "2026-03-06T22:00")).orElseThrow();

        assertThat(previous.name()).isEqualTo("Late");
    }

    @Test
    void previousShiftSkipsWeekendsAndHolidays() {
        ShiftCalendar early = CalendarFixture.in("Europe/Berlin").shifts("Early 06:00-14:00 MON-FRI")
                .holidays("2026-03-06").build();

        ShiftInstance previous = early.previousShift(local(early, "2026-03-09T07:00")).orElseThrow();

        assertThat(previous.date()).isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void previousShiftIsEmptyWhenNoShiftEndedWithinAYear() {
        ShiftCalendar early = CalendarFixture.in("Europe/Berlin").shifts("Early 06:00-14:00 MON")
                .holidays(mondaysOf2026()).build();

        assertThat(early.previousShift(local(early, "2027-01-01T00:00"))).isEmpty();
    }

    private static String[] mondaysOf2026() {
        return LocalDate.of(2025, 12, 29).datesUntil(LocalDate.of(2027, 1, 1), java.time.Period.ofWeeks(1))
                .map(LocalDate::toString).toArray(String[]::new);
    }
}
