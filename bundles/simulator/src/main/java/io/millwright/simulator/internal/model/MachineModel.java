package io.millwright.simulator.internal.model;

import io.millwright.api.simulation.ControllerStatus;
import io.millwright.api.simulation.MachineSnapshot;
import io.millwright.api.simulation.StopCause;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A simulated machine driven by virtual time. {@link #advanceTo} plays every cycle, stop and
 * fault up to the given instant; every random draw comes from the seed, in the order events
 * happen, so the same seed, start time and commands give the same history however finely time
 * is stepped. Not thread-safe: the owner serialises calls.
 *
 * <p>While running, the machine completes cycles (a part each, a reject with the reject rate). Random
 * stops (faults, minor stops, starvation) arrive as one Poisson process over running time and begin
 * when the cycle under way ends; a stop ends after its drawn duration. Commands act at once, at the
 * last virtual time advanced to.
 */
public final class MachineModel {

    private static final long COUNTER_MASK = 0xFFFF_FFFFL;
    private static final double MS_PER_HOUR = 3_600_000.0;
    private static final double NEVER = Double.POSITIVE_INFINITY;

    private final MachineProfile profile;
    private final SplittableRandom random;
    private final Consumer<StateChange> listener;
    private final double faultRatePerMs;
    private final double minorRatePerMs;
    private final double stopRatePerMs;

    private long now;
    private ControllerStatus status;
    private StopCause cause;
    private int faultCode;
    private boolean paused;
    private long totalCount;
    private long rejectCount;
    private double lastCycleMs;

    /** While running: the end of the cycle under way, and its length. */
    private double cycleEndsAt;
    private double cycleMs;
    /** While running: when the next random stop begins, and what it is. */
    private double stopAt;
    private StopCause nextStop;
    /** While stopped: when the stop ends; never for a pause or a fault forced without a duration. */
    private double stopEndsAt;
    private double firstFaultAt;

    /**
     * A machine that starts running at {@code startMillis} with its counters at the given values
     * (a restart carries counts over; a test starts just below 2^32 to see the wrap).
     */
    public MachineModel(MachineProfile profile, long seed, long startMillis, long startTotal, long startReject,
            Consumer<StateChange> listener) {
        this.profile = profile;
        this.random = new SplittableRandom(seed);
        this.listener = listener == null ? change -> { } : listener;
        this.faultRatePerMs = profile.faultsPerHour() / MS_PER_HOUR;
        this.minorRatePerMs = profile.minorStopsPerHour() / MS_PER_HOUR;
        this.stopRatePerMs = faultRatePerMs + minorRatePerMs + profile.starvationsPerHour() / MS_PER_HOUR;
        this.now = startMillis;
        this.totalCount = startTotal & COUNTER_MASK;
        this.rejectCount = startReject & COUNTER_MASK;
        this.lastCycleMs = profile.cycleTimeMs();
        this.firstFaultAt = profile.firstFaultAfterSeconds() > 0
                ? startMillis + profile.firstFaultAfterSeconds() * 1000 : NEVER;
        startRunning(startMillis);
    }

    public MachineModel(MachineProfile profile, long seed, long startMillis) {
        this(profile, seed, startMillis, 0, 0, null);
    }

    /** Plays everything that happens up to {@code epochMillis}; an earlier time changes nothing. */
    public void advanceTo(long epochMillis) {
        if (epochMillis <= now) {
            return;
        }
        while (true) {
            double next = status == ControllerStatus.RUNNING ? cycleEndsAt : stopEndsAt;
            if (next > epochMillis) {
                break;
            }
            if (status == ControllerStatus.RUNNING) {
                completeCycle(next);
            } else {
                endStop(next);
            }
        }
        now = epochMillis;
    }

    public MachineSnapshot snapshot() {
        double speed = status == ControllerStatus.RUNNING ? 60_000.0 / lastCycleMs : 0;
        return new MachineSnapshot(now, status, cause, faultCode, totalCount, rejectCount, speed, paused);
    }

    public long now() {
        return now;
    }

    /**
     * Faults the machine now with {@code code}, replacing any fault under way.
     *
     * @param duration how long the fault lasts; {@code null} until {@link #clearFault()}
     */
    public void forceFault(int code, Duration duration) {
        if (code < 1 || code > 0xFFFF) {
            throw new IllegalArgumentException("fault code " + code + " is out of range: 1 to 65535 (0 means no fault)");
        }
        if (duration != null && duration.isNegative()) {
            throw new IllegalArgumentException("fault duration " + duration + " is negative");
        }
        beginFault(now, code, duration == null ? NEVER : now + duration.toMillis());
    }

    /** Ends the fault under way, if any; the machine runs again (or stays paused). */
    public boolean clearFault() {
        if (status != ControllerStatus.DOWN) {
            return false;
        }
        endStop(now);
        return true;
    }

    /** Stops production now until {@link #resume()}; a fault under way runs its course first. */
    public boolean pause() {
        if (paused) {
            return false;
        }
        paused = true;
        if (status != ControllerStatus.DOWN) {
            stop(now, ControllerStatus.IDLE, StopCause.PAUSED, 0, NEVER);
        }
        return true;
    }

    /** Lets production continue; a faulted machine runs once the fault ends. */
    public boolean resume() {
        if (!paused) {
            return false;
        }
        paused = false;
        if (cause == StopCause.PAUSED) {
            startRunning(now);
        }
        return true;
    }

    private void completeCycle(double t) {
        totalCount = (totalCount + 1) & COUNTER_MASK;
        // drawn for every part, so changing the reject rate does not shift the rest of the history
        if (random.nextDouble() < profile.rejectRate()) {
            rejectCount = (rejectCount + 1) & COUNTER_MASK;
        }
        lastCycleMs = cycleMs;
        if (firstFaultAt <= t) {
            firstFaultAt = NEVER;
            beginFault(t, pickFaultCode(), t + drawDuration(profile.meanFaultSeconds()));
        } else if (stopAt <= t) {
            beginRandomStop(t);
        } else {
            startCycle(t);
        }
    }

    private void beginRandomStop(double t) {
        switch (nextStop) {
            case FAULT -> beginFault(t, pickFaultCode(), t + drawDuration(profile.meanFaultSeconds()));
            case MINOR_STOP -> stop(t, ControllerStatus.IDLE, StopCause.MINOR_STOP, 0,
                    t + drawDuration(profile.meanMinorStopSeconds()));
            default -> stop(t, ControllerStatus.IDLE, StopCause.STARVED, 0,
                    t + drawDuration(profile.meanStarvationSeconds()));
        }
    }

    private void beginFault(double t, int code, double endsAt) {
        stop(t, ControllerStatus.DOWN, StopCause.FAULT, code, endsAt);
    }

    private void endStop(double t) {
        if (paused) {
            stop(t, ControllerStatus.IDLE, StopCause.PAUSED, 0, NEVER);
        } else {
            startRunning(t);
        }
    }

    private void stop(double t, ControllerStatus newStatus, StopCause newCause, int code, double endsAt) {
        stopEndsAt = endsAt;
        change(t, newStatus, newCause, code);
    }

    private void startRunning(double t) {
        drawNextStop(t);
        startCycle(t);
        change(t, ControllerStatus.RUNNING, StopCause.NONE, 0);
    }

    private void startCycle(double t) {
        double jitter = profile.cycleJitter() * (2 * random.nextDouble() - 1);
        cycleMs = profile.cycleTimeMs() * (1 + jitter);
        cycleEndsAt = t + cycleMs;
    }

    /** Stops are memoryless, so drawing afresh each time the machine starts running keeps the rates. */
    private void drawNextStop(double t) {
        if (stopRatePerMs <= 0) {
            stopAt = NEVER;
            return;
        }
        stopAt = t - Math.log(1 - random.nextDouble()) / stopRatePerMs;
        double which = random.nextDouble() * stopRatePerMs;
        nextStop = which < faultRatePerMs ? StopCause.FAULT
                : which < faultRatePerMs + minorRatePerMs ? StopCause.MINOR_STOP : StopCause.STARVED;
    }

    private double drawDuration(double meanSeconds) {
        return meanSeconds * 1000 * (0.5 + random.nextDouble());
    }

    private int pickFaultCode() {
        List<Integer> codes = profile.faultCodes();
        return codes.get(random.nextInt(codes.size()));
    }

    private void change(double t, ControllerStatus newStatus, StopCause newCause, int code) {
        if (newStatus == status && newCause == cause && code == faultCode) {
            return;
        }
        status = newStatus;
        cause = newCause;
        faultCode = code;
        listener.accept(new StateChange(t, newStatus, newCause, code));
    }
}
