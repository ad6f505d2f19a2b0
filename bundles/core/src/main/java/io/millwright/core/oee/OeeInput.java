package io.millwright.core.oee;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to compute OEE for one machine over the window [from, to): the calendar's
 * planned stops, the machine's state periods and its count samples; periods may reach outside
 * the window and are clipped to it.
 */
public record OeeInput(Instant from, Instant to, List<Period> plannedStops, List<StatePeriod> states,
                       List<CountSample> counts) {

    public OeeInput {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("window [" + from + ", " + to + "): from is not before to");
        }
        plannedStops = copyWithoutNulls(plannedStops, "plannedStops");
        states = copyWithoutNulls(states, "states");
        counts = copyWithoutNulls(counts, "counts");
    }

    public Period window() {
        return new Period(from, to);
    }

    /** Whether {@code time} falls inside [from, to). */
    public boolean contains(Instant time) {
        return !time.isBefore(from) && time.isBefore(to);
    }

    private static <T> List<T> copyWithoutNulls(List<T> list, String name) {
        Objects.requireNonNull(list, name);
        List<T> copy = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            T item = list.get(i);
            if (item == null) {
                throw new IllegalArgumentException(name + "[" + i + "] is null");
            }
            copy.add(item);
        }
        return List.copyOf(copy);
    }
}
