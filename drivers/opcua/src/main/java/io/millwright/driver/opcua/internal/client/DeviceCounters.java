package io.millwright.driver.opcua.internal.client;

import java.util.concurrent.atomic.AtomicLong;

/** What a device counts, readable from any thread. */
final class DeviceCounters {

    final AtomicLong reads = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong samples = new AtomicLong();
    /** Nanoseconds of the last completed read request (polls, connect); -1 before the first. */
    volatile long lastRoundTripNanos = -1;
    /** Epoch milliseconds of the last good sample; -1 before the first. */
    volatile long lastDataTime = -1;
}
