package io.millwright.store.derby.internal.taghistory;

import io.millwright.api.sample.Sample;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The kept samples waiting for the writer: bounded, never blocking the driver that offers. When it
 * is full, a sample is dropped and counted. Samples are immutable, so they are held as they came.
 */
final class TagHistoryBuffer {

    private final ArrayBlockingQueue<Sample> queue;
    private final int capacity;
    private final AtomicLong dropped = new AtomicLong();

    TagHistoryBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("tag history buffer must hold at least 1 sample, not " + capacity);
        }
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    void offer(Sample sample) {
        if (!queue.offer(sample)) {
            dropped.incrementAndGet();
        }
    }

    /** Moves up to {@code max} samples, oldest first, into {@code into}; returns how many. */
    int drainTo(Collection<Sample> into, int max) {
        return max <= 0 ? 0 : queue.drainTo(into, max);
    }

    void countDropped(long samples) {
        dropped.addAndGet(samples);
    }

    long dropped() {
        return dropped.get();
    }

    int size() {
        return queue.size();
    }

    int capacity() {
        return capacity;
    }
}
