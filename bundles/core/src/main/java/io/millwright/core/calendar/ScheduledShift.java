package io.millwright.core.calendar;

import java.time.Instant;
import java.util.List;

/** A shift instance together with the real-time spans of its breaks. */
record ScheduledShift(ShiftInstance instance, List<Interval> breaks) {

    ScheduledShift {
        breaks = List.copyOf(breaks);
    }

    boolean inBreak(Instant t) {
        for (Interval b : breaks) {
            if (b.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
