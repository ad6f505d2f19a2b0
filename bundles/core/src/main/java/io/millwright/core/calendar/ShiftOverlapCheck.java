package io.millwright.core.calendar;

import java.time.DayOfWeek;
import java.util.List;

/** Refuses shift patterns whose wall-clock spans overlap on any day of the week. */
final class ShiftOverlapCheck {

    private static final int MINUTES_PER_WEEK = 7 * ClockRange.MINUTES_PER_DAY;

    private ShiftOverlapCheck() {
    }

    /** @throws CalendarConfigException naming the later of the first two overlapping entries */
    static void requireDisjoint(List<ShiftPattern> shifts) {
        for (int later = 1; later < shifts.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                check(shifts.get(earlier), shifts.get(later));
            }
        }
    }

    private static void check(ShiftPattern first, ShiftPattern second) {
        for (DayOfWeek a : first.days()) {
            for (DayOfWeek b : second.days()) {
                int startA = weekMinute(a, first);
                int startB = weekMinute(b, second);
                // Two spans on the weekly circle overlap when either starts inside the other.
                if (Math.floorMod(startB - startA, MINUTES_PER_WEEK) < first.times().lengthMinutes()
                        || Math.floorMod(startA - startB, MINUTES_PER_WEEK) < second.times().lengthMinutes()) {
                    throw new ConfigEntry(ShiftPattern.KEY, second.entry()).refuse("overlaps '" + first.entry()
                            + "' (" + WeekDays.abbreviation(a) + " start) on " + WeekDays.abbreviation(b)
                            + "; shifts of one calendar must not overlap");
                }
            }
        }
    }

    private static int weekMinute(DayOfWeek day, ShiftPattern shift) {
        return (day.getValue() - 1) * ClockRange.MINUTES_PER_DAY + shift.times().startMinute();
    }
}
