package io.millwright.core.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

/** Builds calendar properties as Config Admin would pass them, and local instants for assertions. */
final class CalendarFixture {

    static final String BERLIN = "Europe/Berlin";

    private final Map<String, Object> properties = new HashMap<>();

    private CalendarFixture(String zone) {
        properties.put("scope", "line-1");
        properties.put("timeZone", zone);
    }

    static CalendarFixture in(String zone) {
        return new CalendarFixture(zone);
    }

    /** Early, Late and Night, Monday to Friday (the night shift starts Sunday to Thursday). */
    static CalendarFixture threeShifts() {
        return in(BERLIN).shifts("Early 06:00-14:00 MON-FRI", "Late 14:00-22:00 MON-FRI",
                "Night 22:00-06:00 SUN-THU");
    }

    CalendarFixture shifts(String... entries) {
        return with("shifts", entries);
    }

    CalendarFixture breaks(String... entries) {
        return with("breaks", entries);
    }

    CalendarFixture holidays(String... entries) {
        return with("holidays", entries);
    }

    CalendarFixture maintenance(String... entries) {
        return with("maintenance", entries);
    }

    CalendarFixture with(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    CalendarFixture without(String key) {
        properties.remove(key);
        return this;
    }

    Map<String, Object> properties() {
        return properties;
    }

    ShiftCalendar build() {
        return ShiftCalendar.parse(properties);
    }

    /** The instant of a local date-time such as {@code 2026-03-02T06:00} in the calendar's zone. */
    static Instant local(ShiftCalendar calendar, String localDateTime) {
        return at(calendar.zone(), localDateTime);
    }

    static Instant at(ZoneId zone, String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant();
    }
}
