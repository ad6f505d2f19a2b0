package io.millwright.core.oee;

import java.time.Duration;
import java.util.Objects;

/**
 * The Six Big Losses as time: two availability losses (unplanned stops, setups), two performance
 * losses (small stops, slow cycles) and two quality losses (rejects in production and at start-up,
 * valued at the ideal cycle time).
 */
public record SixBigLosses(Duration unplannedStops, Duration setupAndAdjustments, Duration smallStops,
                           Duration slowCycles, Duration productionRejects, Duration startupRejects) {

    public static final SixBigLosses NONE = new SixBigLosses(Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public SixBigLosses {
        requireNonNegative(unplannedStops, "unplannedStops");
        requireNonNegative(setupAndAdjustments, "setupAndAdjustments");
        requireNonNegative(smallStops, "smallStops");
        requireNonNegative(slowCycles, "slowCycles");
        requireNonNegative(productionRejects, "productionRejects");
        requireNonNegative(startupRejects, "startupRejects");
    }

    /** Each loss summed with the same loss in {@code other}. */
    public SixBigLosses plus(SixBigLosses other) {
        return new SixBigLosses(unplannedStops.plus(other.unplannedStops),
                setupAndAdjustments.plus(other.setupAndAdjustments),
                smallStops.plus(other.smallStops),
                slowCycles.plus(other.slowCycles),
                productionRejects.plus(other.productionRejects),
                startupRejects.plus(other.startupRejects));
    }

    static void requireNonNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " is negative: " + value);
        }
    }
}
