package io.millwright.simulator.opcua.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Test helpers: wait for a condition with a deadline, find a free port. */
final class Poll {

    private Poll() {
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@code timeout}. */
    static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        until(what, timeout, condition, () -> "");
    }

    /** As above, the failure naming what {@code detail} says of the state at the deadline. */
    static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> detail)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String state = detail.get();
                throw new AssertionError("not within " + timeout + ": " + what + (state.isEmpty() ? "" : " (" + state + ")"));
            }
            Thread.sleep(10);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
