package io.millwright.driver.modbus.internal.poll;

import java.util.concurrent.atomic.AtomicLong;

/** What a device's poll thread counts, readable from any thread. */
final class DeviceCounters {

    final AtomicLong reads = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong overruns = new AtomicLong();
    final AtomicLong polls = new AtomicLong();
    /** Nanoseconds of the last completed request; -1 before the first. */
    volatile long lastRoundTripNanos = -1;
    /** Milliseconds the last overrunning poll took; 0 before the first overrun. */
    volatile long lastOverrunMs;
    /** Epoch milliseconds of the last good sample; -1 before the first. */
    volatile long lastDataTime = -1;
}
