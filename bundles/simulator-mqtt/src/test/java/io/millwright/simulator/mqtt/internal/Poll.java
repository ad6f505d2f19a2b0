package io.millwright.simulator.mqtt.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Test helper: wait for a condition with a deadline. */
final class Poll {

    private Poll() {
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@code timeout}. */
    static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(10);
        }
    }
}
