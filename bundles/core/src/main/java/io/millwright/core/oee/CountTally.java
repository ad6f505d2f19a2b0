package io.millwright.core.oee;

import java.time.Duration;

/** The sums over the count samples that fall inside a window. */
record CountTally(long total, long rejects, Duration idealTime, Duration productionRejectTime,
                  Duration startupRejectTime) {

    static CountTally of(OeeInput input) {
        long total = 0;
        long rejects = 0;
        Duration ideal = Duration.ZERO;
        Duration productionRejectTime = Duration.ZERO;
        Duration startupRejectTime = Duration.ZERO;
        for (CountSample sample : input.counts()) {
            if (!input.contains(sample.time())) {
                continue;
            }
            total = Math.addExact(total, sample.total());
            rejects = Math.addExact(rejects, sample.rejects());
            ideal = ideal.plus(sample.idealTime());
            if (sample.startup()) {
                startupRejectTime = startupRejectTime.plus(sample.rejectTime());
            } else {
                productionRejectTime = productionRejectTime.plus(sample.rejectTime());
            }
        }
        return new CountTally(total, rejects, ideal, productionRejectTime, startupRejectTime);
    }

    long good() {
        return total - rejects;
    }
}
