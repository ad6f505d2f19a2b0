package io.millwright.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of wall-clock times on one day; an end at or before the start means the range crosses
 * midnight into the next day (so equal times mean 24 hours of wall clock).
 */
record ClockRange(LocalTime start, LocalTime end) {

    static final int MINUTES_PER_DAY = 24 * 60;

    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

    /** Parses {@code HH:mm-HH:mm}; {@code 24:00} is accepted as an end time, meaning midnight. */
    static ClockRange parse(ConfigEntry entry, String token) {
        int dash = token.indexOf('-');
        if (dash < 0 || token.indexOf('-', dash + 1) >= 0) {
            throw entry.refuse("'" + token + "' is not a time range HH:mm-HH:mm");
        }
        LocalTime start = time(entry, token.substring(0, dash), false);
        LocalTime end = time(entry, token.substring(dash + 1), true);
        return new ClockRange(start, end);
    }

    private static LocalTime time(ConfigEntry entry, String text, boolean isEnd) {
        Matcher m = TIME.matcher(text);
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            if (isEnd && hour == 24 && minute == 0) {
                return LocalTime.MIDNIGHT;
            }
            if (hour < 24 && minute < 60) {
                return LocalTime.of(hour, minute);
            }
        }
        throw entry.refuse("time " + text + " is not HH:mm");
    }

    boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    int startMinute() {
        return start.getHour() * 60 + start.getMinute();
    }

    /** Wall-clock length in minutes, 1 to 1440; a DST change makes the real length differ. */
    int lengthMinutes() {
        int endMinute = end.getHour() * 60 + end.getMinute();
        int length = Math.floorMod(endMinute - startMinute(), MINUTES_PER_DAY);
        return length == 0 ? MINUTES_PER_DAY : length;
    }

    /**
     * The instants of this range when it starts on {@code date}. Local times resolve as
     * {@link ZonedDateTime#of} does: a time in a DST gap moves forward, a time in an overlap takes
     * the earlier offset. An end that resolves before the start (possible only inside a gap) gives
     * an empty interval.
     */
    Interval on(LocalDate date, ZoneId zone) {
        Instant s = ZonedDateTime.of(date, start, zone).toInstant();
        LocalDate endDate = crossesMidnight() ? date.plusDays(1) : date;
        Instant e = ZonedDateTime.of(endDate, end, zone).toInstant();
        return new Interval(s, e.isBefore(s) ? s : e);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
