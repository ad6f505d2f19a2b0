package io.millwright.core.internal.engine;

import java.time.Instant;

/** What the state engine needs of a calendar: is this a planned stop, and when does that change. */
public interface PlannedStops {

    /** A machine with no calendar is always scheduled. */
    PlannedStops NEVER = new PlannedStops() {
        @Override
        public boolean isPlannedStop(Instant t) {
            return false;
        }

        @Override
        public Instant nextChange(Instant t) {
            return t.plusSeconds(3600);
        }
    };

    boolean isPlannedStop(Instant t);

    /** The next instant after {@code t} at which {@link #isPlannedStop} may change. */
    Instant nextChange(Instant t);
}
