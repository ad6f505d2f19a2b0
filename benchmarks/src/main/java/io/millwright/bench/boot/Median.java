package io.millwright.bench.boot;

import java.util.List;

/** The median of a sample: the middle value, or the mean of the two middle values. */
final class Median {

    private Median() {
    }

    static double of(List<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("median of no values");
        }
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
