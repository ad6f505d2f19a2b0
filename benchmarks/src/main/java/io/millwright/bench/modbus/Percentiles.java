package io.millwright.bench.modbus;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of measurements. */
final class Percentiles {

    private final double[] sorted;

    Percentiles(double[] values) {
        sorted = values.clone();
        Arrays.sort(sorted);
    }

    double at(double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    int count() {
        return sorted.length;
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }
}
