package io.millwright.simulator.internal.model;

import java.util.List;

/**
 * How a simulated machine behaves: its cycle, its losses and their sizes. Rates are per hour of
 * running time (a stopped machine does not fault), durations are means of a uniform spread
 * from half to one and a half times the mean. Components are named after their configuration keys,
 * and an unusable value is refused with its key.
 *
 * @param cycleTimeMs            nominal milliseconds per part (0.1 upwards: 1 ms makes counts change at 1 kHz)
 * @param cycleJitter            each cycle is the nominal time × (1 ± up to this fraction)
 * @param rejectRate             share of parts that are rejects, 0 to 1
 * @param faultsPerHour          random faults per running hour
 * @param meanFaultSeconds       mean fault duration
 * @param faultCodes             codes a random fault picks from, uniformly (1 to 65535)
 * @param minorStopsPerHour      short stops without a fault, per running hour
 * @param meanMinorStopSeconds   mean minor stop duration
 * @param starvationsPerHour     idle periods (starved of material, blocked), per running hour
 * @param meanStarvationSeconds  mean idle period duration
 * @param firstFaultAfterSeconds a fault this long after start (the first time the machine runs past it); 0 for none
 */
public record MachineProfile(double cycleTimeMs, double cycleJitter, double rejectRate,
        double faultsPerHour, double meanFaultSeconds, List<Integer> faultCodes,
        double minorStopsPerHour, double meanMinorStopSeconds,
        double starvationsPerHour, double meanStarvationSeconds, double firstFaultAfterSeconds) {

    /** The smallest cycle accepted: 10,000 parts per second is plenty for hot-update tests. */
    public static final double MIN_CYCLE_MS = 0.1;

    /** A machine making a part every {@code cycleTimeMs} with the configuration's default losses. */
    public static MachineProfile of(double cycleTimeMs) {
        return new MachineProfile(cycleTimeMs, 0.05, 0.02, 4, 120, List.of(17, 23, 41), 12, 20, 1, 180, 0);
    }

    public MachineProfile {
        faultCodes = List.copyOf(faultCodes);
        atLeast("cycleTimeMs", cycleTimeMs, MIN_CYCLE_MS);
        between("cycleJitter", cycleJitter, 0, 0.9);
        between("rejectRate", rejectRate, 0, 1);
        atLeast("faultsPerHour", faultsPerHour, 0);
        positive("meanFaultSeconds", meanFaultSeconds);
        atLeast("minorStopsPerHour", minorStopsPerHour, 0);
        positive("meanMinorStopSeconds", meanMinorStopSeconds);
        atLeast("starvationsPerHour", starvationsPerHour, 0);
        positive("meanStarvationSeconds", meanStarvationSeconds);
        atLeast("firstFaultAfterSeconds", firstFaultAfterSeconds, 0);
        for (int code : faultCodes) {
            if (code < 1 || code > 0xFFFF) {
                throw new InvalidSettingException("faultCodes", code, "a fault code is 1 to 65535 (0 means no fault)");
            }
        }
        if (faultCodes.isEmpty() && (faultsPerHour > 0 || firstFaultAfterSeconds > 0)) {
            throw new InvalidSettingException("faultCodes", "", "faults are configured, so at least one fault code is needed");
        }
    }

    public MachineProfile withRejectRate(double rate) {
        return new MachineProfile(cycleTimeMs, cycleJitter, rate, faultsPerHour, meanFaultSeconds, faultCodes,
                minorStopsPerHour, meanMinorStopSeconds, starvationsPerHour, meanStarvationSeconds,
                firstFaultAfterSeconds);
    }

    public MachineProfile withFaults(double perHour, double meanSeconds, List<Integer> codes) {
        return new MachineProfile(cycleTimeMs, cycleJitter, rejectRate, perHour, meanSeconds, codes,
                minorStopsPerHour, meanMinorStopSeconds, starvationsPerHour, meanStarvationSeconds,
                firstFaultAfterSeconds);
    }

    public MachineProfile withMinorStops(double perHour, double meanSeconds) {
        return new MachineProfile(cycleTimeMs, cycleJitter, rejectRate, faultsPerHour, meanFaultSeconds, faultCodes,
                perHour, meanSeconds, starvationsPerHour, meanStarvationSeconds, firstFaultAfterSeconds);
    }

    public MachineProfile withStarvations(double perHour, double meanSeconds) {
        return new MachineProfile(cycleTimeMs, cycleJitter, rejectRate, faultsPerHour, meanFaultSeconds, faultCodes,
                minorStopsPerHour, meanMinorStopSeconds, perHour, meanSeconds, firstFaultAfterSeconds);
    }

    public MachineProfile withFirstFaultAfter(double seconds) {
        return new MachineProfile(cycleTimeMs, cycleJitter, rejectRate, faultsPerHour, meanFaultSeconds, faultCodes,
                minorStopsPerHour, meanMinorStopSeconds, starvationsPerHour, meanStarvationSeconds, seconds);
    }

    /** A machine that only makes parts: no faults, stops or rejects (for exact arithmetic in tests). */
    public MachineProfile withoutLosses() {
        return new MachineProfile(cycleTimeMs, cycleJitter, 0, 0, meanFaultSeconds, faultCodes, 0,
                meanMinorStopSeconds, 0, meanStarvationSeconds, 0);
    }

    private static void atLeast(String key, double value, double min) {
        if (!(value >= min) || Double.isInfinite(value)) {
            throw new InvalidSettingException(key, format(value), "must be a number of at least " + format(min));
        }
    }

    private static void positive(String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidSettingException(key, format(value), "must be a number above 0");
        }
    }

    private static void between(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidSettingException(key, format(value),
                    "must be a number from " + format(min) + " to " + format(max));
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
