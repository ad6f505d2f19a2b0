package io.millwright.core.oee;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** An immutable set of instants stored as sorted, disjoint, non-touching half-open periods. */
final class TimeIntervals {

    static final TimeIntervals EMPTY = new TimeIntervals(List.of());

    private final List<Period> periods;

    private TimeIntervals(List<Period> normalized) {
        this.periods = normalized;
    }

    static TimeIntervals of(Period... periods) {
        return of(List.of(periods));
    }

    static TimeIntervals of(Collection<Period> periods) {
        List<Period> sorted = new ArrayList<>(periods);
        sorted.removeIf(Period::isEmpty);
        sorted.sort(Comparator.comparing(Period::start));
        List<Period> merged = new ArrayList<>();
        for (Period next : sorted) {
            int last = merged.size() - 1;
            if (last >= 0 && !next.start().isAfter(merged.get(last).end())) {
                Period previous = merged.get(last);
                merged.set(last, new Period(previous.start(), max(previous.end(), next.end())));
            } else {
                merged.add(next);
            }
        }
        return merged.isEmpty() ? EMPTY : new TimeIntervals(List.copyOf(merged));
    }

    List<Period> periods() {
        return periods;
    }

    Duration length() {
        Duration total = Duration.ZERO;
        for (Period period : periods) {
            total = total.plus(period.duration());
        }
        return total;
    }

    TimeIntervals union(TimeIntervals other) {
        List<Period> all = new ArrayList<>(periods);
        all.addAll(other.periods);
        return of(all);
    }

    TimeIntervals intersect(TimeIntervals other) {
        List<Period> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < periods.size() && j < other.periods.size()) {
            Period a = periods.get(i);
            Period b = other.periods.get(j);
            Instant start = max(a.start(), b.start());
            Instant end = min(a.end(), b.end());
            if (start.isBefore(end)) {
                out.add(new Period(start, end));
            }
            if (a.end().isBefore(b.end())) {
                i++;
            } else {
                j++;
            }
        }
        return of(out);
    }

    TimeIntervals minus(TimeIntervals other) {
        List<Period> out = new ArrayList<>();
        int j = 0;
        for (Period a : periods) {
            Instant cursor = a.start();
            // Periods of other that end before this one starts cannot touch any later one either.
            while (j < other.periods.size() && !other.periods.get(j).end().isAfter(cursor)) {
                j++;
            }
            for (int k = j; k < other.periods.size() && cursor.isBefore(a.end()); k++) {
                Period b = other.periods.get(k);
                if (!b.start().isBefore(a.end())) {
                    break;
                }
                if (b.start().isAfter(cursor)) {
                    out.add(new Period(cursor, b.start()));
                }
                cursor = max(cursor, b.end());
            }
            if (cursor.isBefore(a.end())) {
                out.add(new Period(cursor, a.end()));
            }
        }
        return of(out);
    }

    @Override
    public String toString() {
        return periods.toString();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
