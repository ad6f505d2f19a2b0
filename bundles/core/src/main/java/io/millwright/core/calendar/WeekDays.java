package io.millwright.core.calendar;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Parses days of the week: {@code MON}, ranges such as {@code MON-FRI} or {@code FRI-MON}, and comma lists. */
final class WeekDays {

    private static final String NAMES = "MON, TUE, WED, THU, FRI, SAT, SUN";

    private WeekDays() {
    }

    static Set<DayOfWeek> all() {
        return Collections.unmodifiableSet(EnumSet.allOf(DayOfWeek.class));
    }

    /** A comma list whose items are single days or ranges; a range may wrap past Sunday. */
    static Set<DayOfWeek> parseSet(ConfigEntry entry, String text) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : text.split(",", -1)) {
            int dash = item.indexOf('-');
            if (dash < 0) {
                days.add(parseDay(entry, item));
            } else {
                DayOfWeek first = parseDay(entry, item.substring(0, dash));
                DayOfWeek last = parseDay(entry, item.substring(dash + 1));
                for (DayOfWeek d = first; ; d = d.plus(1)) {
                    days.add(d);
                    if (d == last) {
                        break;
                    }
                }
            }
        }
        return Collections.unmodifiableSet(days);
    }

    /** A day name, three-letter ({@code MON}) or full ({@code MONDAY}), in any case. */
    static DayOfWeek parseDay(ConfigEntry entry, String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(name) || d.name().substring(0, 3).equals(name)) {
                return d;
            }
        }
        throw entry.refuse("day '" + text + "' is not one of " + NAMES);
    }

    static String abbreviation(DayOfWeek day) {
        return day.name().substring(0, 3);
    }
}
