package io.millwright.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One configured shift: its name, wall-clock times, the weekdays it starts on, and its breaks. */
record ShiftPattern(String name, ClockRange times, Set<DayOfWeek> days, List<ClockRange> breaks,
                    String entry) {

    static final String KEY = "shifts";
    static final String SYNTAX = "NAME HH:mm-HH:mm [DAYS], e.g. 'Early 06:00-14:00 MON-FRI'";

    ShiftPattern {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(times, "times");
        days = Set.copyOf(days);
        breaks = List.copyOf(breaks);
        Objects.requireNonNull(entry, "entry");
    }

    /** Parses {@code NAME HH:mm-HH:mm [DAYS]}; without DAYS the shift runs every day. */
    static ShiftPattern parse(ConfigEntry entry) {
        List<String> tokens = entry.tokens();
        if (tokens.size() < 2) {
            throw entry.refuse("expected " + SYNTAX);
        }
        String name = tokens.get(0);
        if (name.equals(BreakRule.EVERY_SHIFT)) {
            throw entry.refuse("'" + BreakRule.EVERY_SHIFT + "' is reserved for breaks of every shift; expected a shift name");
        }
        ClockRange times = ClockRange.parse(entry, tokens.get(1));
        // Days may be written with spaces ("MON, WED"), so the rest of the entry is one day set.
        Set<DayOfWeek> days = tokens.size() == 2
                ? WeekDays.all()
                : WeekDays.parseSet(entry, String.join("", tokens.subList(2, tokens.size())));
        return new ShiftPattern(name, times, days, List.of(), entry.text());
    }

    ShiftPattern withBreak(ClockRange added) {
        List<ClockRange> all = new ArrayList<>(breaks);
        all.add(added);
        return new ShiftPattern(name, times, days, all, entry);
    }

    boolean startsOn(DayOfWeek day) {
        return days.contains(day);
    }

    /** The instants of this shift when it starts on {@code date}. */
    Interval on(LocalDate date, ZoneId zone) {
        return times.on(date, zone);
    }

    /** Minutes from this shift's start to the start of {@code range}, read on the wall clock. */
    int offsetOf(ClockRange range) {
        return Math.floorMod(range.startMinute() - times.startMinute(), ClockRange.MINUTES_PER_DAY);
    }

    /** Where a break falls relative to this shift's wall-clock span. */
    Fit fitOf(ClockRange range) {
        int offset = offsetOf(range);
        int length = times.lengthMinutes();
        if (offset < length) {
            return offset + range.lengthMinutes() <= length ? Fit.INSIDE : Fit.ACROSS_BOUNDARY;
        }
        // The range starts outside the shift; it can still reach into it by wrapping past midnight.
        return offset + range.lengthMinutes() > ClockRange.MINUTES_PER_DAY ? Fit.ACROSS_BOUNDARY : Fit.OUTSIDE;
    }

    /** The instants of a break (inside this shift) for the instance that starts on {@code shiftDate}. */
    Interval breakOn(ClockRange range, LocalDate shiftDate, ZoneId zone) {
        boolean nextDay = times.startMinute() + offsetOf(range) >= ClockRange.MINUTES_PER_DAY;
        return range.on(nextDay ? shiftDate.plusDays(1) : shiftDate, zone);
    }

    enum Fit { INSIDE, OUTSIDE, ACROSS_BOUNDARY }
}
