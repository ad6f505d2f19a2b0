package io.millwright.core.internal.engine;

/**
 * Turns a PLC's cumulative counter into increments: a 16- or 32-bit counter that wraps to zero
 * continues (rollover), a counter that drops for any other reason was reset and counts from zero
 * again. The first value only sets the baseline, so a restart never counts a counter's history.
 * A lower value stamped earlier than the last one counted is a late delivery (an MQTT QoS 1
 * message redelivered after a reconnect, behind newer ones), not a reset: it is ignored, where a
 * reset would count its whole value a second time.
 */
public final class CounterTracker {

    private final long modulus;
    private boolean known;
    private long last;
    private long lastTime = Long.MIN_VALUE;
    private long rollovers;
    private long resets;
    private long lateValues;

    /** @param bits 16, 32 or 64 */
    public CounterTracker(int bits) {
        if (bits != 16 && bits != 32 && bits != 64) {
            throw new IllegalArgumentException("counter width must be 16, 32 or 64 bits, not " + bits);
        }
        this.modulus = bits == 64 ? 0L : 1L << bits;
    }

    /** The parts counted since the previous value; zero for the first value. */
    public long update(long value) {
        return update(value, Long.MAX_VALUE);
    }

    /** As {@link #update(long)}, for a value stamped {@code time} at its source. */
    public long update(long value, long time) {
        long raw = modulus == 0L ? value : value & (modulus - 1);
        if (!known) {
            known = true;
            last = raw;
            lastTime = time;
            return 0L;
        }
        if (raw < last && time < lastTime) {
            lateValues++;
            return 0L;
        }
        long delta;
        if (raw >= last) {
            delta = raw - last;
        } else if (modulus != 0L && raw + modulus - last < modulus / 2) {
            // wrapped past the top: the step across zero is small
            delta = raw + modulus - last;
            rollovers++;
        } else {
            // dropped far below: the PLC reset its counter and counted from zero since
            delta = raw;
            resets++;
        }
        last = raw;
        lastTime = Math.max(lastTime, time);
        return delta;
    }

    /** Continues from a stored baseline, as after a restart. */
    public void restore(long baseline) {
        known = true;
        last = modulus == 0L ? baseline : baseline & (modulus - 1);
    }

    public boolean known() {
        return known;
    }

    public long last() {
        return last;
    }

    public long rollovers() {
        return rollovers;
    }

    public long resets() {
        return resets;
    }

    /** Lower values stamped before the last counted one, ignored as late deliveries. */
    public long lateValues() {
        return lateValues;
    }
}
