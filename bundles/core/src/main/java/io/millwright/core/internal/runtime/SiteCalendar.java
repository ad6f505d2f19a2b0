package io.millwright.core.internal.runtime;

import io.millwright.core.internal.engine.PlannedStops;
import io.millwright.core.oee.Period;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the core asks of a site's or line's calendar: planned stops and shifts. */
public interface SiteCalendar extends PlannedStops {

    /** A named span of time: a shift, or a window asked for. */
    record Window(String name, Instant start, Instant end) {
    }

    String scope();

    List<Period> plannedStops(Instant from, Instant to);

    Optional<Window> shiftAt(Instant t);

    Optional<Window> previousShift(Instant t);
}
