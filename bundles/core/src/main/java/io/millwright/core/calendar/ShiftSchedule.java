package io.millwright.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns shift patterns and holidays into the shift instances of a time window, in one zone. */
final class ShiftSchedule {

    /** How far back {@link #latestEndingBy} looks before giving up (long holidays included). */
    private static final Duration LOOK_BACK = Duration.ofDays(366);
    private static final Duration LOOK_BACK_STEP = Duration.ofDays(7);

    private final List<ShiftPattern> patterns;
    private final Set<LocalDate> holidays;
    private final ZoneId zone;

    ShiftSchedule(List<ShiftPattern> patterns, Set<LocalDate> holidays, ZoneId zone) {
        this.patterns = List.copyOf(patterns);
        this.holidays = Set.copyOf(holidays);
        this.zone = zone;
    }

    boolean isHoliday(LocalDate date) {
        return holidays.contains(date);
    }

    /** Shifts overlapping [from, to), sorted by start. */
    List<ScheduledShift> overlapping(Instant from, Instant to) {
        // A shift starting the day before can still be running at 'from'.
        List<ScheduledShift> found = new ArrayList<>();
        for (ScheduledShift s : startingBetween(localDate(from).minusDays(1), localDate(to))) {
            if (s.instance().start().isBefore(to) && s.instance().end().isAfter(from)) {
                found.add(s);
            }
        }
        return found;
    }

    Optional<ScheduledShift> at(Instant t) {
        for (ScheduledShift s : startingBetween(localDate(t).minusDays(1), localDate(t))) {
            if (s.instance().contains(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The shift with the latest end at or before {@code t}, looking back at most a year. */
    Optional<ShiftInstance> latestEndingBy(Instant t) {
        for (Instant to = t; !to.isBefore(t.minus(LOOK_BACK)); to = to.minus(LOOK_BACK_STEP)) {
            List<ScheduledShift> week = overlapping(to.minus(LOOK_BACK_STEP), to);
            for (int i = week.size() - 1; i >= 0; i--) {
                ShiftInstance candidate = week.get(i).instance();
                if (!candidate.end().isAfter(t)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Shifts that start on local dates first..last, sorted by start. Each is cut short where the
     * next begins: only possible when a shift ends inside a DST gap, which moves its end forward.
     */
    private List<ScheduledShift> startingBetween(LocalDate first, LocalDate last) {
        List<Candidate> candidates = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last.plusDays(1)); d = d.plusDays(1)) {
            if (holidays.contains(d)) {
                continue;
            }
            for (ShiftPattern p : patterns) {
                if (p.startsOn(d.getDayOfWeek())) {
                    Interval span = p.on(d, zone);
                    if (!span.isEmpty()) {
                        candidates.add(new Candidate(p, d, span));
                    }
                }
            }
        }
        candidates.sort(Comparator.comparing((Candidate c) -> c.span().start()).thenComparing(c -> c.span().end()));
        List<ScheduledShift> shifts = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            Instant end = c.span().end();
            if (i + 1 < candidates.size() && candidates.get(i + 1).span().start().isBefore(end)) {
                end = candidates.get(i + 1).span().start();
            }
            if (c.date().isAfter(last) || !end.isAfter(c.span().start())) {
                continue;
            }
            shifts.add(schedule(c, end));
        }
        return shifts;
    }

    private ScheduledShift schedule(Candidate c, Instant end) {
        Instant start = c.span().start();
        List<Interval> breaks = new ArrayList<>();
        for (ClockRange b : c.pattern().breaks()) {
            Interval span = c.pattern().breakOn(b, c.date(), zone).clip(start, end);
            if (!span.isEmpty()) {
                breaks.add(span);
            }
        }
        breaks.sort(Comparator.comparing(Interval::start));
        return new ScheduledShift(new ShiftInstance(c.pattern().name(), c.date(), start, end), breaks);
    }

    private LocalDate localDate(Instant t) {
        return LocalDate.ofInstant(t, zone);
    }

    private record Candidate(ShiftPattern pattern, LocalDate date, Interval span) {
    }
}
