package io.millwright.core.oee;

import static io.millwright.core.oee.SixBigLosses.requireNonNegative;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * OEE figures for a window: the time and count sums, with the ratios derived from them; a ratio
 * whose denominator is zero is empty, never NaN.
 */
public record OeeResult(Instant from, Instant to, Duration calendarTime, Duration plannedStopTime,
                        Duration dataGapTime, Duration plannedProductionTime, Duration runTime,
                        Duration downTime, Duration idleTime, Duration setupTime, Duration minorStopTime,
                        Duration idealTime, long totalCount, long goodCount, long rejectCount,
                        SixBigLosses sixBigLosses) {

    public OeeResult {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        requireNonNegative(calendarTime, "calendarTime");
        requireNonNegative(plannedStopTime, "plannedStopTime");
        requireNonNegative(dataGapTime, "dataGapTime");
        requireNonNegative(plannedProductionTime, "plannedProductionTime");
        requireNonNegative(runTime, "runTime");
        requireNonNegative(downTime, "downTime");
        requireNonNegative(idleTime, "idleTime");
        requireNonNegative(setupTime, "setupTime");
        requireNonNegative(minorStopTime, "minorStopTime");
        requireNonNegative(idealTime, "idealTime");
        Objects.requireNonNull(sixBigLosses, "sixBigLosses");
        if (goodCount < 0 || rejectCount < 0 || goodCount + rejectCount != totalCount) {
            throw new IllegalArgumentException("invalid counts: total=" + totalCount + " good=" + goodCount
                    + " rejects=" + rejectCount + " (need good + rejects = total, none negative)");
        }
    }

    /** Down time plus idle time: the availability loss, minor stops excluded. */
    public Duration unplannedStopTime() {
        return downTime.plus(idleTime);
    }

    /** Run time / planned production time. */
    public OptionalDouble availability() {
        return ratio(runTime, plannedProductionTime);
    }

    /** Ideal time / run time, not clipped at 1.0; empty when nothing was counted or nothing ran. */
    public OptionalDouble performance() {
        return totalCount == 0 ? OptionalDouble.empty() : ratio(idealTime, runTime);
    }

    /** Good count / total count. */
    public OptionalDouble quality() {
        return totalCount == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) goodCount / totalCount);
    }

    /** Availability × performance × quality; empty when any of them is. */
    public OptionalDouble oee() {
        OptionalDouble a = availability();
        OptionalDouble p = performance();
        OptionalDouble q = quality();
        if (a.isEmpty() || p.isEmpty() || q.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(a.getAsDouble() * p.getAsDouble() * q.getAsDouble());
    }

    /** OEE × planned production time / calendar time. */
    public OptionalDouble teep() {
        OptionalDouble oee = oee();
        OptionalDouble loading = ratio(plannedProductionTime, calendarTime);
        if (oee.isEmpty() || loading.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(oee.getAsDouble() * loading.getAsDouble());
    }

    /** Whether performance exceeds 100 %, which means the ideal cycle time is set too slow. */
    public boolean performanceAboveIdeal() {
        OptionalDouble p = performance();
        return p.isPresent() && p.getAsDouble() > 1.0;
    }

    private static OptionalDouble ratio(Duration numerator, Duration denominator) {
        if (denominator.isZero()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(seconds(numerator) / seconds(denominator));
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
