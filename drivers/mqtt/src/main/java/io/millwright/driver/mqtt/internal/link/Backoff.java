package io.millwright.driver.mqtt.internal.link;

import java.util.SplittableRandom;

/** Reconnect delays: exponential from a first delay up to a cap, each with ±20 % jitter. */
final class Backoff {

    private final long firstMs;
    private final long capMs;
    private final SplittableRandom random;
    private long currentMs;

    Backoff(long firstMs, long capMs, long seed) {
        this.firstMs = Math.max(1, Math.min(firstMs, capMs));
        this.capMs = capMs;
        this.random = new SplittableRandom(seed);
        this.currentMs = this.firstMs;
    }

    synchronized long nextDelayMs() {
        long base = currentMs;
        currentMs = Math.min(capMs, currentMs * 2);
        long jittered = Math.round(base * (0.8 + 0.4 * random.nextDouble()));
        return Math.max(1, Math.min(capMs, jittered));
    }

    synchronized void reset() {
        currentMs = firstMs;
    }
}
