package io.millwright.core.oee;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Computes OEE for one machine's window, and for a line by aggregating machine results.
 *
 * <p>Aggregation is time-weighted: all times, counts and losses are summed first and the ratios
 * are recomputed from the sums (A = Σrun / Σplanned, P = Σideal / Σrun, Q = Σgood / Σtotal,
 * OEE = A × P × Q, TEEP from Σplanned / Σcalendar), so a machine that was planned to run longer
 * weighs more. Averaging the machines' ratios would not do that.
 */
public final class OeeCalculator {

    private OeeCalculator() {
    }

    /** The OEE figures for {@code input}'s window. */
    public static OeeResult calculate(OeeInput input) {
        Objects.requireNonNull(input, "input");
        TimeAccount time = TimeAccount.of(input);
        CountTally counts = CountTally.of(input);
        Duration run = time.run();

        Duration slowCycles = run.minus(counts.idealTime()).minus(time.minorStop());
        SixBigLosses losses = new SixBigLosses(
                time.down().plus(time.idle()).minus(time.setup()),
                time.setup(),
                time.minorStop(),
                slowCycles.isNegative() ? Duration.ZERO : slowCycles,
                counts.productionRejectTime(),
                counts.startupRejectTime());

        return new OeeResult(input.from(), input.to(), time.calendar(), time.plannedStop(), time.dataGap(),
                time.plannedProduction(), run, time.down(), time.idle(), time.setup(), time.minorStop(),
                counts.idealTime(), counts.total(), counts.good(), counts.rejects(), losses);
    }

    /**
     * The figures for a line made of the machines in {@code results}: from is the earliest from,
     * to the latest to, and calendar time the sum of the machines' calendar times.
     */
    public static OeeResult aggregate(List<OeeResult> results) {
        Objects.requireNonNull(results, "results");
        if (results.isEmpty()) {
            throw new IllegalArgumentException("results is empty: nothing to aggregate");
        }
        Instant from = null;
        Instant to = null;
        Duration calendar = Duration.ZERO;
        Duration plannedStop = Duration.ZERO;
        Duration dataGap = Duration.ZERO;
        Duration plannedProduction = Duration.ZERO;
        Duration run = Duration.ZERO;
        Duration down = Duration.ZERO;
        Duration idle = Duration.ZERO;
        Duration setup = Duration.ZERO;
        Duration minorStop = Duration.ZERO;
        Duration ideal = Duration.ZERO;
        long total = 0;
        long good = 0;
        long rejects = 0;
        SixBigLosses losses = SixBigLosses.NONE;
        for (int i = 0; i < results.size(); i++) {
            OeeResult r = results.get(i);
            if (r == null) {
                throw new IllegalArgumentException("results[" + i + "] is null");
            }
            from = from == null || r.from().isBefore(from) ? r.from() : from;
            to = to == null || r.to().isAfter(to) ? r.to() : to;
            calendar = calendar.plus(r.calendarTime());
            plannedStop = plannedStop.plus(r.plannedStopTime());
            dataGap = dataGap.plus(r.dataGapTime());
            plannedProduction = plannedProduction.plus(r.plannedProductionTime());
            run = run.plus(r.runTime());
            down = down.plus(r.downTime());
            idle = idle.plus(r.idleTime());
            setup = setup.plus(r.setupTime());
            minorStop = minorStop.plus(r.minorStopTime());
            ideal = ideal.plus(r.idealTime());
            total = Math.addExact(total, r.totalCount());
            good = Math.addExact(good, r.goodCount());
            rejects = Math.addExact(rejects, r.rejectCount());
            losses = losses.plus(r.sixBigLosses());
        }
        return new OeeResult(from, to, calendar, plannedStop, dataGap, plannedProduction, run, down, idle,
                setup, minorStop, ideal, total, good, rejects, losses);
    }
}
