package io.millwright.core.oee;

import io.millwright.api.machine.MachineState;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * How the window's calendar time splits into planned stops, data gaps, stops and run time.
 *
 * <p>Planned stops are taken out first, then data gaps (OFFLINE or no state at all), so that a
 * known calendar stop is never reported as missing data. Where state periods overlap, DOWN wins
 * over IDLE and both over RUNNING (the order of {@link MachineState}); within one state a real
 * stop wins over a minor stop. {@code down} and {@code idle} hold non-minor stops only; {@code setup}
 * is the part of them whose reason is a setup.
 */
record TimeAccount(Duration calendar, Duration plannedStop, Duration dataGap, Duration plannedProduction,
                   Duration down, Duration idle, Duration setup, Duration minorStop) {

    static TimeAccount of(OeeInput input) {
        List<StatePeriod> states = input.states();
        TimeIntervals window = TimeIntervals.of(input.window());

        TimeIntervals planned = TimeIntervals.of(input.plannedStops())
                .union(where(states, s -> s.state() == MachineState.PLANNED_STOP))
                .intersect(window);
        TimeIntervals uncovered = window.minus(where(states, s -> true));
        TimeIntervals gap = where(states, s -> s.state() == MachineState.OFFLINE)
                .union(uncovered)
                .intersect(window)
                .minus(planned);
        TimeIntervals production = window.minus(planned).minus(gap);

        TimeIntervals downAll = where(states, s -> s.state() == MachineState.DOWN).intersect(production);
        TimeIntervals down = where(states, s -> s.state() == MachineState.DOWN && !s.minorStop())
                .intersect(production);
        TimeIntervals idleAll = where(states, s -> s.state() == MachineState.IDLE)
                .intersect(production).minus(downAll);
        TimeIntervals idle = where(states, s -> s.state() == MachineState.IDLE && !s.minorStop())
                .intersect(production).minus(downAll);
        TimeIntervals setup = where(states, s -> s.state() == MachineState.DOWN && !s.minorStop() && s.setup())
                .intersect(down)
                .union(where(states, s -> s.state() == MachineState.IDLE && !s.minorStop() && s.setup())
                        .intersect(idle));
        TimeIntervals minor = downAll.minus(down).union(idleAll.minus(idle));

        return new TimeAccount(window.length(), planned.length(), gap.length(), production.length(),
                down.length(), idle.length(), setup.length(), minor.length());
    }

    /** Planned production time less unplanned (non-minor) stops; minor stops stay in. */
    Duration run() {
        return plannedProduction.minus(down).minus(idle);
    }

    private static TimeIntervals where(List<StatePeriod> states, Predicate<StatePeriod> filter) {
        return TimeIntervals.of(states.stream().filter(filter).map(StatePeriod::period).toList());
    }
}
