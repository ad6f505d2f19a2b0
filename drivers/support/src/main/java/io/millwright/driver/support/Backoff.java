package io.millwright.driver.support;

import java.util.SplittableRandom;

/**
 * Reconnect delays: exponential from a first delay up to a cap, each with ±20 % jitter so that
 * many devices behind one failed switch do not reconnect in step.
 */
public final class Backoff {

    private final long firstMs;
    private final long capMs;
    private final SplittableRandom random;
    private long currentMs;

    public Backoff(long firstMs, long capMs, long seed) {
        this.firstMs = Math.max(1, Math.min(firstMs, capMs));
        this.capMs = capMs;
        this.random = new SplittableRandom(seed);
        this.currentMs = this.firstMs;
    }

    /** The delay before the next attempt; each call doubles the next, up to the cap. */
    public long nextDelayMs() {
        long base = currentMs;
        currentMs = Math.min(capMs, currentMs * 2);
        long jittered = Math.round(base * (0.8 + 0.4 * random.nextDouble()));
        return Math.max(1, Math.min(capMs, jittered));
    }

    public void reset() {
        currentMs = firstMs;
    }
}
