package io.millwright.core.calendar;

import static io.millwright.core.calendar.CalendarFixture.local;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShiftCalendarPlannedStopTest {

    @Test
    void breakIsAPlannedStopInsideItsShift() {
        ShiftCalendar calendar = CalendarFixture.threeShifts().breaks("Early 09:00-09:15").build();

        assertThat(calendar.isPlannedStop(local(calendar, "2026-03-02T08:59"))).isFalse();
        assertThat(calendar.isPlannedStop(local(calendar, "2026-03-02T09:00"))).isTrue();
        assertThat(calendar.isPlannedStop(local(calendar, "2026-03-02T09:14"))).isTrue();
        assertThat(calendar.isPlannedStop(local(calendar, "2026-03-02T09:15"))).isFalse();
        assertThat(calendar.isPlannedStop(local(calendar, "2026-03-07T09:05"))).isTrue();
    }

    @Test
    void breakForEveryShiftAppliesToEachShiftThatContainsIt() {
        ShiftCalendar calendar = CalendarFixture.threeShifts().breaks("* 12:00-12:30", "* 02:00-02:30").build();

        assertThat(calendar.plannedStops(local(calendar, "2026-03-02T22:00"), local(calendar, "2026-03-03T14:00")))
                .containsExactly(
                        new PlannedStop(local(calendar, "2026-03-03T02:00"), local(calendar, "2026-03-03T02:30"), "break"),
                        new PlannedStop(local(calendar, "2026-03-03T12:00"), local(calendar, "2026-03-03T12:30"), "break"));
    }

    @Test
    void breakMayCrossMidnightInsideANightShift() {
        ShiftCalendar calendar = CalendarFixture.threeShifts().breaks("Night 23:45-00:15").build();

        assertThat(calendar.plannedStops(local(calendar, "2026-03-02T22:00"), local(calendar, "2026-03-03T06:00")))
                .containsExactly(new PlannedStop(local(calendar, "2026-03-02T23:45"),
                        local(calendar, "2026-03-03T00:15"), "break"));
    }

    @Test
    void holidayHasNoShiftAndIsAPlannedStopAllDay() {
        ShiftCalendar calendar = CalendarFixture.in("Europe/Berlin")
                .shifts("Early 06:00-14:00 MON-FRI", "Late 14:00-22:00 MON-FRI").holidays("2026-03-04").build();

        assertThat(calendar.shiftAt(local(calendar, "2026-03-04T10:00"))).isEmpty();
        assertThat(calendar.isPlannedStop(local(calendar, "2026-03-04T10:00"))).isTrue();
        assertThat(calendar.plannedStops(local(calendar, "2026-03-04T00:00"), local(calendar, "2026-03-05T00:00")))
                .containsExactly(new PlannedStop(local(calendar, "2026-03-04T00:00"),
                        local(calendar, "2026-03-05T00:00"), "holiday"));
    }

    @Test
    void nightShiftStartedTheDayBeforeAHolidayStillRuns() {
        ShiftCalendar calendar = CalendarFixture.threeShifts().holidays("2026-03-04").build();

        assertThat(calendar.shiftAt(local(calendar, "2026-03-04T03:00")).orElseThrow().name()).isEqualTo("Night");
        assertThat(calendar.plannedStops(local(calendar, "2026-03-03T22:00"), local(calendar, "2026-03-05T08:00")))
                .containsExactly(new PlannedStop(local(calendar, "2026-03-04T06:00"),
                        local(calendar, "2026-03-05T06:00"), "holiday, no shift"));
    }

    @Test
    void oneOffMaintenanceWindowIsAPlannedStopAndMergesWithABreakInsideIt() {
        ShiftCalendar calendar = CalendarFixture.threeShifts().breaks("Early 09:00-09:15")
                .maintenance("2026-03-03T08:00/2026-03-03T12:00").build();

        assertThat(calendar.inMaintenance(local(calendar, "2026-03-03T07:59"))).isFalse();
        assertThat(calendar.inMaintenance(local(calendar, "2026-03-03T08:00"))).isTrue();
        assertThat(calendar.inMaintenance(local(calendar, "2026-03-03T12:00"))).isFalse();
        assertThat(calendar.isPlannedStop(local(calendar, "2026-03-03T10:00"))).isTrue();
        assertThat(calendar.plannedStops(local(calendar, "2026-03-03T06:00"), local(calendar, "2026-03-03T14:00")))
                .containsExactly(new PlannedStop(local(calendar, "2026-03-03T08:00"),
                        local(calendar, "2026-03-03T12:00"), "maintenance, break"));
    }

    @Test
    void dailyMaintenanceWindowMayCrossMidnight() {
        ShiftCalendar calendar = CalendarFixture.threeShifts().maintenance("DAILY 23:30-00:30").build();

        assertThat(calendar.inMaintenance(local(calendar, "2026-03-03T00:15"))).isTrue();
        assertThat(calendar.inMaintenance(local(calendar, "2026-03-02T23:30"))).isTrue();
        assertThat(calendar.inMaintenance(local(calendar, "2026-03-03T00:30"))).isFalse();
        assertThat(calendar.plannedStops(local(calendar, "2026-03-02T22:00"), local(calendar, "2026-03-03T06:00")))
                .containsExactly(new PlannedStop(local(calendar, "2026-03-02T23:30"),
                        local(calendar, "2026-03-03T00:30"), "maintenance"));
    }

    @Test
    void weeklyMaintenanceWindowRecursOnItsDayOnly() {
        ShiftCalendar calendar = CalendarFixture.threeShifts().maintenance("WEEKLY WED 10:00-11:00").build();

        assertThat(calendar.inMaintenance(local(calendar, "2026-03-04T10:30"))).isTrue();
        assertThat(calendar.inMaintenance(local(calendar, "2026-03-11T10:30"))).isTrue();
        assertThat(calendar.inMaintenance(local(calendar, "2026-03-03T10:30"))).isFalse();
        assertThat(calendar.isPlannedStop(local(calendar, "2026-03-03T10:30"))).isFalse();
    }

    @Test
    void monthlyMaintenanceWindowSkipsMonthsWithoutItsDay() {
        ShiftCalendar calendar = CalendarFixture.threeShifts().maintenance("MONTHLY 31 10:00-11:00").build();

        assertThat(calendar.inMaintenance(local(calendar, "2026-03-31T10:30"))).isTrue();
        assertThat(calendar.plannedStops(local(calendar, "2026-04-01T00:00"), local(calendar, "2026-05-01T00:00")))
                .noneMatch(stop -> stop.hasReason("maintenance"));
        assertThat(calendar.inMaintenance(local(calendar, "2026-04-30T10:30"))).isFalse();
        assertThat(calendar.inMaintenance(local(calendar, "2026-05-31T10:30"))).isTrue();
    }

    @Test
    void maintenanceWindowOutsideShiftsIsStillAMaintenanceWindow() {
        ShiftCalendar calendar = CalendarFixture.threeShifts().maintenance("WEEKLY SAT 08:00-12:00").build();

        assertThat(calendar.inMaintenance(local(calendar, "2026-03-07T09:00"))).isTrue();
        assertThat(calendar.plannedStops(local(calendar, "2026-03-07T00:00"), local(calendar, "2026-03-08T00:00")))
                .containsExactly(new PlannedStop(local(calendar, "2026-03-07T00:00"),
                        local(calendar, "2026-03-08T00:00"), "no shift, maintenance"));
    }

    @Test
    void plannedStopsMergesOverlapsAndClipsToTheWindow() {
        ShiftCalendar calendar = CalendarFixture.threeShifts().breaks("Early 09:00-09:15")
                .maintenance("2026-03-02T09:10/2026-03-02T09:30").build();

        assertThat(calendar.plannedStops(local(calendar, "2026-03-02T07:00"), local(calendar, "2026-03-02T10:00")))
                .containsExactly(new PlannedStop(local(calendar, "2026-03-02T09:00"),
                        local(calendar, "2026-03-02T09:30"), "break, maintenance"));
        assertThat(calendar.plannedStops(local(calendar, "2026-03-02T09:05"), local(calendar, "2026-03-02T09:20")))
                .containsExactly(new PlannedStop(local(calendar, "2026-03-02T09:05"),
                        local(calendar, "2026-03-02T09:20"), "break, maintenance"));
        assertThat(calendar.plannedStops(local(calendar, "2026-03-07T12:00"), local(calendar, "2026-03-07T13:00")))
                .containsExactly(new PlannedStop(local(calendar, "2026-03-07T12:00"),
                        local(calendar, "2026-03-07T13:00"), "no shift"));
    }

    @Test
    void plannedStopsThatTouchAreMergedInOrder() {
        ShiftCalendar calendar = CalendarFixture.threeShifts().breaks("Late 21:45-22:00").build();

        List<PlannedStop> stops = calendar.plannedStops(local(calendar, "2026-03-06T14:00"),
                local(calendar, "2026-03-09T00:00"));

        assertThat(stops).containsExactly(new PlannedStop(local(calendar, "2026-03-06T21:45"),
                local(calendar, "2026-03-08T22:00"), "break, no shift"));
    }

    @Test
    void plannedStopsAgreeWithIsPlannedStopThroughAWeek() {
        ShiftCalendar calendar = CalendarFixture.threeShifts()
                .breaks("* 12:00-12:30", "Night 02:00-02:20", "Late 21:50-22:00")
                .holidays("2026-03-04").maintenance("WEEKLY FRI 05:00-07:00", "2026-03-07T10:00/2026-03-09T07:00")
                .build();
        Instant from = local(calendar, "2026-03-01T00:00");
        Instant to = local(calendar, "2026-03-10T00:00");

        List<PlannedStop> stops = calendar.plannedStops(from, to);

        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(5))) {
            Instant at = t;
            assertThat(stops.stream().anyMatch(s -> s.contains(at)))
                    .as("planned stop at %s", at).isEqualTo(calendar.isPlannedStop(at));
        }
        for (int i = 1; i < stops.size(); i++) {
            assertThat(stops.get(i).start()).isAfter(stops.get(i - 1).end());
        }
    }

    @Test
    void nextChangeIsWhenThePlannedStopStateFlips() {
        ShiftCalendar calendar = CalendarFixture.threeShifts().breaks("Early 09:00-09:15").build();

        assertThat(calendar.nextChange(local(calendar, "2026-03-02T08:00"))).isEqualTo(local(calendar, "2026-03-02T09:00"));
        assertThat(calendar.nextChange(local(calendar, "2026-03-02T09:00"))).isEqualTo(local(calendar, "2026-03-02T09:15"));
        assertThat(calendar.nextChange(local(calendar, "2026-03-02T09:05"))).isEqualTo(local(calendar, "2026-03-02T09:15"));
        assertThat(calendar.nextChange(local(calendar, "2026-03-06T21:00"))).isEqualTo(local(calendar, "2026-03-06T22:00"));
        assertThat(calendar.nextChange(local(calendar, "2026-03-07T10:00"))).isEqualTo(local(calendar, "2026-03-08T22:00"));
    }

    @Test
    void nextChangeIgnoresShiftChangesThatKeepProductionPlanned() {
        ShiftCalendar calendar = CalendarFixture.threeShifts().build();

        assertThat(calendar.nextChange(local(calendar, "2026-03-02T07:00"))).isEqualTo(local(calendar, "2026-03-06T22:00"));
    }

    @Test
    void nextChangeOnTheSpringForwardNightIsTheRealEndOfTheShift() {
        ShiftCalendar calendar = CalendarFixture.in("Europe/Berlin").shifts("Night 22:00-06:00 SAT").build();

        assertThat(calendar.nextChange(Instant.parse("2026-03-28T21:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-29T04:00:00Z"));
    }

    @Test
    void nextChangeIsBoundedByTheLookAhead() {
        ShiftCalendar calendar = CalendarFixture.threeShifts().maintenance("DAILY 00:00-00:00").build();
        Instant t = local(calendar, "2026-03-02T08:00");

        assertThat(calendar.isPlannedStop(t)).isTrue();
        assertThat(calendar.nextChange(t)).isEqualTo(t.plus(ShiftCalendar.LOOK_AHEAD));
    }
}
