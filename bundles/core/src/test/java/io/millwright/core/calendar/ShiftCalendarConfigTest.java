package io.millwright.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShiftCalendarConfigTest {

    @Test
    void readsScopeAndZone() {
        ShiftCalendar calendar = CalendarFixture.threeShifts().build();

        assertThat(calendar.scope()).isEqualTo("line-1");
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void acceptsSingleStringArrayAndCollectionValuesWithoutSplittingOnCommas() {
        ShiftCalendar calendar = CalendarFixture.in("Europe/Berlin")
                .with("shifts", "Day 08:00-16:00 MON,WED,FRI")
                .with("breaks", List.of("Day 12:00-12:30"))
                .with("holidays", new String[] {"2026-03-04", "2026-03-06"})
                .with("scope", new String[] {"site-north"})
                .build();

        assertThat(calendar.scope()).isEqualTo("site-north");
        assertThat(calendar.shifts(CalendarFixture.local(calendar, "2026-03-02T00:00"),
                CalendarFixture.local(calendar, "2026-03-09T00:00"))).hasSize(1);
        assertThat(calendar.isPlannedStop(CalendarFixture.local(calendar, "2026-03-02T12:10"))).isTrue();
    }

    @Test
    void ignoresConfigAdminKeysAndBlankEntries() {
        ShiftCalendar calendar = CalendarFixture.threeShifts()
                .with("service.pid", "io.millwright.calendar.abc")
                .with("felix.fileinstall.filename", "file:/opt/etc/io.millwright.calendar-line1.cfg")
                .with("breaks", "")
                .with("maintenance", new String[] {" ", "DAILY 05:00-05:30"})
                .build();

        assertThat(calendar.inMaintenance(CalendarFixture.local(calendar, "2026-03-02T05:10"))).isTrue();
    }

    @Test
    void namesKeyAndEntryForATimeThatIsNotHHmm() {
        CalendarConfigException refusal = refusal(CalendarFixture.in("Europe/Berlin").shifts("Early 06:00-25:00"));

        assertThat(refusal.key()).isEqualTo("shifts");
        assertThat(refusal.value()).isEqualTo("Early 06:00-25:00");
        assertThat(refusal).hasMessage("shifts: 'Early 06:00-25:00' \u2014 time 25:00 is not HH:mm");
    }

    @Test
    void acceptsTwentyFourHundredAsAnEndTime() {
        ShiftCalendar calendar = CalendarFixture.in("Europe/Berlin").shifts("Late 16:00-24:00").build();

        assertThat(calendar.shiftAt(CalendarFixture.local(calendar, "2026-03-02T23:59")).orElseThrow().end())
                .isEqualTo(CalendarFixture.local(calendar, "2026-03-03T00:00"));
    }

    @Test
    void refusesOverlappingShiftsNamingBothEntries() {
        CalendarConfigException refusal = refusal(CalendarFixture.in("Europe/Berlin")
                .shifts("Early 06:00-14:00 MON-FRI", "Late 13:00-22:00 MON-FRI"));

        assertThat(refusal.key()).isEqualTo("shifts");
        assertThat(refusal.value()).isEqualTo("Late 13:00-22:00 MON-FRI");
        assertThat(refusal.getMessage()).contains("overlaps 'Early 06:00-14:00 MON-FRI'");
    }

    @Test
    void refusesANightShiftRunningIntoTheNextMorningsShift() {
        CalendarConfigException refusal = refusal(CalendarFixture.in("Europe/Berlin")
                .shifts("Night 22:00-06:00 SUN", "Early 05:00-13:00 MON"));

        assertThat(refusal.value()).isEqualTo("Early 05:00-13:00 MON");
        assertThat(refusal.getMessage()).contains("on MON");
    }

    @Test
    void allowsShiftsThatOnlyTouch() {
        ShiftCalendar calendar = CalendarFixture.in("Europe/Berlin")
                .shifts("Night 22:00-06:00 SUN", "Early 06:00-14:00 MON", "Night2 22:00-06:00 SAT").build();

        assertThat(calendar.scope()).isEqualTo("line-1");
    }

    @Test
    void refusesABreakOutsideItsShift() {
        CalendarConfigException refusal = refusal(CalendarFixture.threeShifts().breaks("Early 15:00-15:15"));

        assertThat(refusal.key()).isEqualTo("breaks");
        assertThat(refusal.value()).isEqualTo("Early 15:00-15:15");
        assertThat(refusal.getMessage()).contains("outside shift Early");
    }

    @Test
    void refusesABreakAcrossTheEndOfItsShift() {
        CalendarConfigException refusal = refusal(CalendarFixture.threeShifts().breaks("Early 13:45-14:15"));

        assertThat(refusal.value()).isEqualTo("Early 13:45-14:15");
        assertThat(refusal.getMessage()).contains("crosses the start or end of shift 'Early 06:00-14:00 MON-FRI'");
    }

    @Test
    void refusesABreakForEveryShiftThatStraddlesAShiftChange() {
        CalendarConfigException refusal = refusal(CalendarFixture.threeShifts().breaks("* 13:45-14:15"));

        assertThat(refusal.value()).isEqualTo("* 13:45-14:15");
    }

    @Test
    void refusesABreakForAnUnknownShift() {
        CalendarConfigException refusal = refusal(CalendarFixture.threeShifts().breaks("Middle 09:00-09:15"));

        assertThat(refusal.getMessage()).contains("no shift is named 'Middle'").contains("Early, Late, Night");
    }

    @Test
    void refusesAnUnknownTimeZone() {
        CalendarConfigException refusal = refusal(CalendarFixture.in("Europe/Atlantis").shifts("Day 08:00-16:00"));

        assertThat(refusal.key()).isEqualTo("timeZone");
        assertThat(refusal.value()).isEqualTo("Europe/Atlantis");
        assertThat(refusal.getMessage()).contains("IANA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"scope", "timeZone", "shifts"})
    void refusesAMissingRequiredKey(String key) {
        CalendarConfigException refusal = refusal(CalendarFixture.threeShifts().without(key));

        assertThat(refusal.key()).isEqualTo(key);
        assertThat(refusal.value()).isEmpty();
        assertThat(refusal.getMessage()).startsWith(key + ": missing \u2014 required");
    }

    @Test
    void refusesAValueThatIsNotText() {
        CalendarConfigException refusal = refusal(CalendarFixture.threeShifts().with("holidays", 20260304));

        assertThat(refusal.key()).isEqualTo("holidays");
        assertThat(refusal.value()).isEqualTo("20260304");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidEntries")
    void everyRefusalNamesItsKeyAndEntry(String key, String entry, String expectedReason) {
        CalendarFixture fixture = CalendarFixture.threeShifts().with(key, entry);

        CalendarConfigException refusal = refusal(fixture);

        assertThat(refusal.key()).isEqualTo(key);
        assertThat(refusal.value()).isEqualTo(entry);
        assertThat(refusal.getMessage()).startsWith(key + ": '" + entry + "' \u2014 ").contains(expectedReason);
    }

    static Stream<Arguments> invalidEntries() {
        return Stream.of(
                Arguments.of("shifts", "Early 6-14", "time 6 is not HH:mm"),
                Arguments.of("shifts", "Early 0600/1400", "is not a time range HH:mm-HH:mm"),
                Arguments.of("shifts", "Early 06:60-14:00", "time 06:60 is not HH:mm"),
                Arguments.of("shifts", "Early", "expected NAME HH:mm-HH:mm [DAYS]"),
                Arguments.of("shifts", "Early 06:00-14:00 MON-FRY", "day 'FRY' is not one of MON"),
                Arguments.of("shifts", "Early 06:00-14:00 MON,,FRI", "day '' is not one of"),
                Arguments.of("shifts", "* 06:00-14:00", "reserved"),
                Arguments.of("breaks", "Early", "expected SHIFT HH:mm-HH:mm"),
                Arguments.of("breaks", "Early 09:00-9:75", "time 9:75 is not HH:mm"),
                Arguments.of("holidays", "2026-02-30", "is not YYYY-MM-DD"),
                Arguments.of("holidays", "04.03.2026", "is not YYYY-MM-DD"),
                Arguments.of("maintenance", "2026-12-01T12:00/2026-12-01T08:00", "is not after start"),
                Arguments.of("maintenance", "2026-12-01 08:00/2026-12-01 12:00", "expected"),
                Arguments.of("maintenance", "2026-12-01T08:00/tomorrow", "'tomorrow' is not a local date-time"),
                Arguments.of("maintenance", "WEEKLY XYZ 06:00-08:00", "day 'XYZ' is not one of"),
                Arguments.of("maintenance", "WEEKLY 06:00-08:00", "expected WEEKLY DAY HH:mm-HH:mm"),
                Arguments.of("maintenance", "MONTHLY 32 06:00-08:00", "day of month 32 is not a number from 1 to 31"),
                Arguments.of("maintenance", "DAILY 06:00-08:00 MON", "expected DAILY HH:mm-HH:mm"),
                Arguments.of("maintenance", "YEARLY 06:00-08:00", "expected 'YYYY-MM-DDTHH:mm/YYYY-MM-DDTHH:mm'"));
    }

    @Test
    void refusesNullProperties() {
        assertThatThrownBy(() -> ShiftCalendar.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static CalendarConfigException refusal(CalendarFixture fixture) {
        CalendarConfigException refusal = catchThrowableOfType(CalendarConfigException.class, fixture::build);
        assertThat(refusal).as("configuration should be refused").isNotNull();
        return refusal;
    }
}
