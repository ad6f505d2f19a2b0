package io.millwright.driver.modbus.internal.poll;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a poll at a fixed rate on slots {@code start + n * interval}, so the period does not drift.
 * A poll that takes longer than the interval is an overrun and is counted; whenever a poll ends
 * after its next slot, the loop skips to the next slot still ahead instead of running the missed
 * ones back to back (the executor's own fixed-rate mode would queue them).
 */
final class FixedRateLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(FixedRateLoop.class);

    /** Told of each overrun with how long the poll took. */
    interface OverrunListener {
        void overrun(long pollNanos);
    }

    private final String deviceId;
    private final ScheduledExecutorService executor;
    private final long intervalNanos;
    private final Runnable poll;
    private final OverrunListener overruns;
    private long nextDue;
    private volatile boolean stopped;

    FixedRateLoop(String deviceId, ScheduledExecutorService executor, long intervalNanos, Runnable poll,
                  OverrunListener overruns) {
        this.deviceId = deviceId;
        this.executor = executor;
        this.intervalNanos = intervalNanos;
        this.poll = poll;
        this.overruns = overruns;
    }

    void start() {
        nextDue = System.nanoTime();
        executor.execute(this);
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        if (stopped) {
            return;
        }
        long began = System.nanoTime();
        try {
            poll.run();
        } catch (RuntimeException | Error e) {
            LOG.error("Modbus device {}: poll failed unexpectedly", deviceId, e);
        }
        long now = System.nanoTime();
        nextDue += intervalNanos;
        if (now - began > intervalNanos) {
            overruns.overrun(now - began);
        }
        if (now - nextDue > 0) {
            // started late or ran long: skip to the next slot ahead rather than catch up
            nextDue += ((now - nextDue) / intervalNanos + 1) * intervalNanos;
        }
        if (!stopped) {
            try {
                executor.schedule(this, nextDue - now, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // the device is being stopped
            }
        }
    }
}
