package io.millwright.core.internal.engine;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.DowntimeEnded;
import io.millwright.api.machine.DowntimeStarted;
import io.millwright.api.machine.MachineEvent;
import io.millwright.api.machine.MachineState;
import io.millwright.api.machine.ProductChanged;
import io.millwright.api.machine.StateChanged;
import io.millwright.api.sample.Sample;
import io.millwright.api.store.DowntimeRecord;
import io.millwright.api.store.MachineCheckpoint;
import io.millwright.core.internal.model.CountMode;
import io.millwright.core.internal.model.MachineDefinition;
import io.millwright.core.internal.model.SignalBinding;
import io.millwright.core.internal.model.SignalKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One machine's signals, state, downtime and counts. Derives the state by the precedence of
 * DESIGN.md (OFFLINE, PLANNED_STOP, DOWN, IDLE, RUNNING), stamps every change with the source
 * time, and queues the events it derives for the caller to drain. Not thread-safe: the runtime
 * calls it under the machine's lock. Times are epoch milliseconds; source times come from
 * samples, "wall" times from the clock that drives {@link #tick}.
 */
public final class MachineStateEngine {

    private static final long MINUTE = 60_000L;
    private static final long BUCKET_GRACE = 5_000L;

    private final MachineDefinition definition;
    private final PlannedStops calendar;
    private final boolean runningBound;
    private final long staleness;
    private final long runningWindow;
    private final long microStop;
    private final List<MachineEvent> pending = new ArrayList<>();
    private final Sample[] lastSamples = new Sample[SignalKind.values().length];

    private final CounterTracker total;
    private final CounterTracker reject;
    private final CounterTracker good;
    private final Map<String, Long> committedBaselines = new HashMap<>();

    private int unseenStateSignals;
    private boolean running;
    private long faultCode;
    private boolean faultFlag;
    private double speed;
    private long lastCountIncrease = Long.MIN_VALUE;
    private long lastData = Long.MIN_VALUE;
    private long lastDataWall = Long.MIN_VALUE;
    private int offlineDevices;
    /** Every device of this machine reports by exception and is connected: silence means unchanged. */
    private boolean vouched;
    private boolean planned;
    private long nextCalendarCheck = Long.MIN_VALUE;

    private MachineState state = MachineState.OFFLINE;
    private long since;
    /** Until the first change, history may start before the engine did (samples stamped earlier). */
    private boolean fresh = true;
    private String openDowntimeId;
    private long openDowntimeStart;
    private MachineState openDowntimeState;

    private long bucketStart = Long.MIN_VALUE;
    private long bucketTotal;
    private long bucketRejects;
    private long bucketGood;
    private String product = "";
    private Duration idealCycleTime;
    private boolean checkpointDirty;
    private boolean lastSamplesSeen;
    private boolean evaluationDue;
    private long dueTime;
    private long dueWall;

    public MachineStateEngine(MachineDefinition definition, PlannedStops calendar, long now) {
        this.definition = definition;
        this.calendar = calendar;
        this.runningBound = definition.binding(SignalKind.RUNNING).isPresent();
        this.staleness = definition.stalenessTimeout().toMillis();
        this.runningWindow = definition.runningWindow().toMillis();
        this.microStop = definition.microStopThreshold().toMillis();
        this.total = new CounterTracker(definition.counterBits());
        this.reject = new CounterTracker(definition.counterBits());
        this.good = new CounterTracker(definition.counterBits());
        this.idealCycleTime = definition.idealCycleTime();
        this.since = now;
    }

    /** Resumes from a checkpoint: state, open downtime, counter baselines and product. */
    public void restore(MachineCheckpoint checkpoint, DowntimeRecord openDowntime, long now) {
        state = checkpoint.state();
        since = checkpoint.stateSince().toEpochMilli();
        fresh = false;
        if (openDowntime != null && openDowntime.isOpen()) {
            openDowntimeId = openDowntime.id();
            openDowntimeStart = openDowntime.start().toEpochMilli();
            openDowntimeState = openDowntime.state();
        }
        restoreCounter(total, "total", checkpoint);
        restoreCounter(reject, "reject", checkpoint);
        restoreCounter(good, "good", checkpoint);
        product = checkpoint.product();
        idealCycleTime = definition.idealCycleTime(product.isEmpty() ? null : product);
        // a gap shorter than the staleness timeout, as across a restart, leaves the state alone,
        // and the restored state holds until the running signal has been read again
        if (runningBound) {
            unseenStateSignals |= 1 << SignalKind.RUNNING.ordinal();
        }
        lastDataWall = now;
        lastData = Math.max(since, now);
    }

    private void restoreCounter(CounterTracker counter, String name, MachineCheckpoint checkpoint) {
        Long baseline = checkpoint.counterBaselines().get(name);
        if (baseline != null) {
            counter.restore(baseline);
            committedBaselines.put(name, baseline);
        }
    }

    /** Applies one sample bound to one signal. */
    public void onSample(SignalBinding binding, Sample sample) {
        lastSamples[binding.kind().ordinal()] = sample;
        lastSamplesSeen = true;
        if (!sample.isGood()) {
            // missing data, not a value: staleness decides if the machine goes OFFLINE
            return;
        }
        long t = sample.sourceTime();
        if (evaluationDue && t != dueTime) {
            // the samples of one poll share a time: judge the state once they are all in
            settle();
        }
        unseenStateSignals &= ~(1 << binding.kind().ordinal());
        switch (binding.kind()) {
            case RUNNING:
                running = binding.transform().toBoolean(sample);
                break;
            case FAULT_CODE:
                faultCode = binding.transform().toLong(sample);
                break;
            case FAULT:
                faultFlag = binding.transform().toBoolean(sample);
                break;
            case TOTAL_COUNT:
                countTotal(binding.transform().toLong(sample), t);
                break;
            case REJECT_COUNT:
                countReject(binding.transform().toLong(sample), t);
                break;
            case GOOD_COUNT:
                countGood(binding.transform().toLong(sample), t);
                break;
            case SPEED:
                speed = binding.transform().toDouble(sample);
                break;
            case PRODUCT:
                setProduct(sample.asString(), t);
                break;
            default:
                break;
        }
        if (t > lastData) {
            lastData = t;
        }
        lastDataWall = Math.max(lastDataWall, sample.receiveTime());
        evaluationDue = true;
        dueTime = t;
        dueWall = sample.receiveTime();
    }

    /** Derives the state from the samples taken since the last judgement. */
    public void settle() {
        if (evaluationDue) {
            evaluationDue = false;
            evaluate(dueTime, dueWall);
        }
    }

    /** How many of this machine's devices are OFFLINE; with any, the machine is OFFLINE at once. */
    public void setOfflineDevices(int count, long wallNow) {
        setDevices(count, vouched, wallNow);
    }

    /**
     * The machine's devices: how many are OFFLINE (with any, the machine is OFFLINE at once), and
     * whether all of them report by exception over a live connection, which keeps silent data
     * fresh. When that vouching ends (a driver update, a lost session) the staleness timeout runs
     * from then, not from the last change, so a long-steady machine is not OFFLINE at once.
     */
    public void setDevices(int offline, boolean vouchedNow, long wallNow) {
        settle();
        if (vouched && !vouchedNow && lastDataWall != Long.MIN_VALUE) {
            lastDataWall = Math.max(lastDataWall, wallNow);
            lastData = Math.max(lastData, wallNow);
        }
        offlineDevices = offline;
        vouched = vouchedNow;
        evaluate(Math.max(wallNow, since), wallNow);
    }

    /** Time passes: staleness, the calendar, count-based running, and due count buckets. */
    public void tick(long wallNow) {
        settle();
        if (nextCalendarCheck == Long.MIN_VALUE || wallNow >= nextCalendarCheck) {
            Instant now = Instant.ofEpochMilli(wallNow);
            planned = calendar.isPlannedStop(now);
            nextCalendarCheck = calendar.nextChange(now).toEpochMilli();
        }
        long t = wallNow;
        if (isStale(wallNow) && lastData != Long.MIN_VALUE) {
            // the data stopped at lastData; the machine went OFFLINE when the timeout ran out
            t = lastData + staleness;
        } else if (!runningBound && lastCountIncrease != Long.MIN_VALUE && state == MachineState.RUNNING
                && wallNow - lastCountIncrease > runningWindow) {
            t = lastCountIncrease + runningWindow;
        }
        evaluate(t, wallNow);
        if (bucketStart != Long.MIN_VALUE && wallNow > bucketStart + MINUTE + BUCKET_GRACE) {
            flushBucket();
        }
    }

    /** Sets the product (or work order) now in production; its ideal cycle time applies from {@code t}. */
    public void setProduct(String newProduct, long t) {
        settle();
        String p = newProduct == null ? "" : newProduct.trim();
        if (p.equals(product)) {
            return;
        }
        flushBucket();
        Duration ideal = definition.idealCycleTime(p.isEmpty() ? null : p);
        pending.add(new ProductChanged(definition.id(), Instant.ofEpochMilli(t), product, p, ideal));
        product = p;
        idealCycleTime = ideal;
        checkpointDirty = true;
    }

    private boolean isStale(long wallNow) {
        return offlineDevices > 0 || lastDataWall == Long.MIN_VALUE
                || (wallNow - lastDataWall > staleness && !vouched);
    }

    private void evaluate(long t, long wallNow) {
        transition(derive(t, wallNow), t);
    }

    private MachineState derive(long t, long wallNow) {
        if (isStale(wallNow)) {
            return MachineState.OFFLINE;
        }
        if (planned) {
            return MachineState.PLANNED_STOP;
        }
        if (unseenStateSignals != 0 && state != MachineState.OFFLINE && state != MachineState.PLANNED_STOP) {
            return state;
        }
        if (isRunning(t)) {
            return MachineState.RUNNING;
        }
        return faultCode != 0L || faultFlag ? MachineState.DOWN : MachineState.IDLE;
    }

    private boolean isRunning(long t) {
        if (runningBound) {
            return running;
        }
        return lastCountIncrease != Long.MIN_VALUE && t - lastCountIncrease < runningWindow;
    }

    private void transition(MachineState next, long time) {
        if (next == state) {
            return;
        }
        long t = fresh ? time : Math.max(time, since);
        fresh = false;
        Instant at = Instant.ofEpochMilli(t);
        if (openDowntimeId != null) {
            long duration = t - openDowntimeStart;
            pending.add(new DowntimeEnded(definition.id(), at, openDowntimeId, openDowntimeState,
                    null, Duration.ofMillis(duration), duration < microStop));
            openDowntimeId = null;
        }
        pending.add(new StateChanged(definition.id(), at, state, next));
        state = next;
        since = t;
        if (next.isUnplannedStop()) {
            openDowntimeId = definition.id() + "-" + t;
            openDowntimeStart = t;
            openDowntimeState = next;
            String reason = next == MachineState.DOWN ? definition.faultReasons().get(faultCode) : null;
            pending.add(new DowntimeStarted(definition.id(), at, openDowntimeId, next, reason));
        }
        checkpointDirty = true;
    }

    private void countTotal(long value, long t) {
        long delta = count(total, "total", value, t);
        if (delta > 0) {
            addToBucket(t, delta, 0L, 0L);
            lastCountIncrease = Math.max(lastCountIncrease, t);
        }
    }

    private void countReject(long value, long t) {
        long delta = count(reject, "reject", value, t);
        if (delta > 0) {
            addToBucket(t, 0L, delta, 0L);
        }
    }

    private void countGood(long value, long t) {
        long delta = count(good, "good", value, t);
        if (delta > 0) {
            addToBucket(t, 0L, 0L, delta);
        }
    }

    /**
     * The increment a value brings. A bucket of an earlier minute is emitted first, so that the
     * baselines committed with it end exactly where its counts end.
     */
    private long count(CounterTracker counter, String name, long value, long t) {
        long minute = Math.floorDiv(t, MINUTE) * MINUTE;
        if (bucketStart != Long.MIN_VALUE && minute > bucketStart) {
            flushBucket();
        }
        if (definition.countMode() == CountMode.INCREMENT) {
            return Math.max(0L, value);
        }
        boolean known = counter.known();
        long delta = counter.update(value, t);
        if (!known) {
            // nothing counted yet, so the first value is safe to commit as the baseline
            committedBaselines.put(name, counter.last());
            checkpointDirty = true;
        }
        return delta;
    }

    private void addToBucket(long t, long totalDelta, long rejectDelta, long goodDelta) {
        long minute = Math.floorDiv(t, MINUTE) * MINUTE;
        if (bucketStart == Long.MIN_VALUE || minute > bucketStart) {
            bucketStart = minute;
        }
        bucketTotal += totalDelta;
        bucketRejects += rejectDelta;
        bucketGood += goodDelta;
    }

    private void flushBucket() {
        if (bucketStart == Long.MIN_VALUE) {
            return;
        }
        long rejects = definition.binding(SignalKind.GOOD_COUNT).isPresent()
                ? Math.max(0L, bucketTotal - bucketGood) : bucketRejects;
        // a reject counter read before its part's total carries over to the next bucket
        long carried = Math.max(0L, rejects - bucketTotal);
        rejects -= carried;
        if (bucketTotal > 0 || rejects > 0) {
            pending.add(new CountRecorded(definition.id(), Instant.ofEpochMilli(bucketStart), bucketTotal, rejects,
                    product, idealCycleTime));
        }
        bucketStart = Long.MIN_VALUE;
        bucketTotal = 0L;
        bucketGood = 0L;
        bucketRejects = carried;
        commitBaselines();
    }

    private void commitBaselines() {
        if (total.known()) {
            committedBaselines.put("total", total.last());
        }
        if (reject.known()) {
            committedBaselines.put("reject", reject.last());
        }
        if (good.known()) {
            committedBaselines.put("good", good.last());
        }
        checkpointDirty = true;
    }

    /** Moves the events derived so far to {@code sink}; returns whether there were any. */
    public boolean drainTo(List<MachineEvent> sink) {
        settle();
        if (pending.isEmpty()) {
            return false;
        }
        sink.addAll(pending);
        pending.clear();
        return true;
    }

    /** Whether any sample reached this engine since it was created or restored. */
    public boolean hasData() {
        return lastSamplesSeen;
    }

    /**
     * The checkpoint to store with the events drained so far, or null when nothing changed. Counter
     * baselines are those of the last emitted count bucket, so a crash recounts the open bucket
     * from the PLC counter instead of losing it.
     */
    public MachineCheckpoint takeCheckpoint(long wallNow) {
        if (!checkpointDirty) {
            return null;
        }
        checkpointDirty = false;
        if (bucketStart == Long.MIN_VALUE && !total.known() && !reject.known() && !good.known()
                && committedBaselines.isEmpty()) {
            return new MachineCheckpoint(definition.id(), Instant.ofEpochMilli(wallNow), state,
                    Instant.ofEpochMilli(since), openDowntimeId, Map.of(), product, idealCycleTime);
        }
        return new MachineCheckpoint(definition.id(), Instant.ofEpochMilli(wallNow), state,
                Instant.ofEpochMilli(since), openDowntimeId, committedBaselines, product, idealCycleTime);
    }

    /** Flushes the open count bucket, for a clean shutdown or a configuration change. */
    public void flush() {
        settle();
        flushBucket();
    }

    public MachineDefinition definition() {
        return definition;
    }

    public MachineState state() {
        settle();
        return state;
    }

    public Instant since() {
        settle();
        return Instant.ofEpochMilli(since);
    }

    public String openDowntimeId() {
        settle();
        return openDowntimeId;
    }

    public String product() {
        return product;
    }

    public Duration idealCycleTime() {
        return idealCycleTime;
    }

    public double speed() {
        return speed;
    }

    public long faultCode() {
        return faultCode;
    }

    /** The last sample seen for a signal, good or not, or null. */
    public Sample lastSample(SignalKind kind) {
        return lastSamples[kind.ordinal()];
    }

    public long counterResets() {
        return total.resets() + reject.resets() + good.resets();
    }

    public long counterRollovers() {
        return total.rollovers() + reject.rollovers() + good.rollovers();
    }
}
