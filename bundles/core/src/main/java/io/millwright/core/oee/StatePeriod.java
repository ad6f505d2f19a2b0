package io.millwright.core.oee;

import io.millwright.api.machine.MachineState;
import java.time.Instant;
import java.util.Objects;

/**
 * What a machine was doing during [start, end): {@code minorStop} marks a DOWN or IDLE stop shorter
 * than the machine's micro-stop threshold, {@code setup} a stop whose reason is a setup or
 * changeover; both flags are ignored for other states.
 */
public record StatePeriod(Instant start, Instant end, MachineState state, boolean minorStop, boolean setup) {

    public StatePeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(state, "state");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("state period " + state + " [" + start + ", " + end
                    + "): end is before start");
        }
    }

    /** A period in {@code state} that is neither a minor stop nor a setup. */
    public static StatePeriod of(Instant start, Instant end, MachineState state) {
        return new StatePeriod(start, end, state, false, false);
    }

    public Period period() {
        return new Period(start, end);
    }
}
