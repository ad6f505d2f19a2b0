package io.millwright.store.derby.internal.taghistory;

import io.millwright.api.sample.Sample;

/**
 * Decides, for one historized tag, whether a sample is a change worth keeping: a numeric value that
 * moved more than the deadband from the last kept value, any change of a boolean or text value, a
 * change of quality or of value type, or the first sample. Allocation-free; one lock per tag, held
 * for a few comparisons (a tag is normally fed by one driver thread, so it is uncontended).
 */
final class TagChangeFilter {

    private final double deadband;
    private Sample lastKept;

    TagChangeFilter(double deadband, Sample lastKept) {
        if (!(deadband >= 0.0)) {
            throw new IllegalArgumentException("deadband must be 0 or more, was " + deadband);
        }
        this.deadband = deadband;
        this.lastKept = lastKept;
    }

    double deadband() {
        return deadband;
    }

    synchronized Sample lastKept() {
        return lastKept;
    }

    /** Whether {@code sample} is kept; if so it becomes the value later samples are compared with. */
    synchronized boolean keep(Sample sample) {
        if (lastKept == null || changed(lastKept, sample, deadband)) {
            lastKept = sample;
            return true;
        }
        return false;
    }

    static boolean changed(Sample last, Sample next, double deadband) {
        if (next.quality() != last.quality() || next.type() != last.type()) {
            return true;
        }
        switch (next.type()) {
            case LONG:
            case DOUBLE:
                double before = last.asDouble();
                double now = next.asDouble();
                if (Double.isNaN(before) || Double.isNaN(now)) {
                    return Double.isNaN(before) != Double.isNaN(now);
                }
                // equal first: infinity minus infinity is NaN; a deadband of 0 keeps any change
                return before != now && Math.abs(now - before) > deadband;
            case BOOLEAN:
                return last.asBoolean() != next.asBoolean();
            case STRING:
                return !last.asString().equals(next.asString());
            default:
                // no value on either side, same (BAD) quality: nothing new
                return false;
        }
    }
}
