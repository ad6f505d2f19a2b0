package io.millwright.store.derby.internal.taghistory;

import io.millwright.api.device.Device;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.DerbyFailure;
import io.millwright.store.derby.internal.DerbyStoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the history of historized tags, on change: {@link #accept} (every driver's batches) keeps a
 * sample when its tag is historized and it changed ({@link TagChangeFilter}) and puts it in a bounded
 * buffer; {@link #flush}, run by its owner's writer thread, writes what waits into Derby in one
 * transaction. Nothing here blocks a driver or grows without bound: a full buffer drops and counts,
 * and health says how many. While the database cannot be written, what was drained waits (up to the
 * buffer's size again) and is written once it can.
 */
public final class TagHistorian implements SampleSink {

    private static final Logger LOG = LoggerFactory.getLogger(TagHistorian.class);
    /** Failures not caused by the disk or the database's state, after which a drained batch is given up. */
    private static final int GIVE_UP_AFTER = 3;
    /**
     * How long health warns after the last dropped sample. A warning that never clears (it used to
     * stay until restart) teaches people to ignore health; the total since start stays in the text.
     */
    static final Duration DROP_WARNING = Duration.ofHours(1);

    private final TagHistoryBuffer buffer;
    private final Supplier<DerbyDatabase> database;
    private final Clock clock;
    private volatile HistorizedTags tags = HistorizedTags.NONE;

    // the writer's own: flush runs on one thread at a time
    private final List<Sample> pending = new ArrayList<>();
    private int sameFailures;
    private volatile int waiting;
    private volatile long written;
    private volatile String writeFailure;
    // when the dropped count was last seen to grow (guarded by this)
    private long droppedSeen;
    private Instant lastDrop;

    /**
     * {@code database} gives the open database, or throws a MachineStoreException saying why there is
     * none (flush then keeps what it drained for the next time).
     */
    public TagHistorian(int capacity, Supplier<DerbyDatabase> database) {
        this(capacity, database, Clock.systemUTC());
    }

    TagHistorian(int capacity, Supplier<DerbyDatabase> database, Clock clock) {
        this.buffer = new TagHistoryBuffer(capacity);
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Rebuilds the index of historized tags from the devices now registered. */
    public synchronized void devicesChanged(Collection<Device> devices) {
        tags = HistorizedTags.of(devices, tags);
    }

    /** The hot path: no allocation for a sample that is ignored or did not change. */
    @Override
    public void accept(List<Sample> samples) {
        HistorizedTags index = tags;
        if (index.isEmpty()) {
            return;
        }
        if (samples instanceof RandomAccess) {
            String device = null;
            Map<String, TagChangeFilter> deviceTags = null;
            for (int i = 0, n = samples.size(); i < n; i++) {
                Sample sample = samples.get(i);
                // a batch is usually one device's: look it up once
                if (!sample.deviceId().equals(device)) {
                    device = sample.deviceId();
                    deviceTags = index.tagsOf(device);
                }
                if (deviceTags != null) {
                    offer(deviceTags.get(sample.tag()), sample);
                }
            }
        } else {
            for (Sample sample : samples) {
                offer(index.filter(sample.deviceId(), sample.tag()), sample);
            }
        }
    }

    private void offer(TagChangeFilter filter, Sample sample) {
        if (filter != null && filter.keep(sample)) {
            buffer.offer(sample);
        }
    }

    /**
     * Drains the buffer and writes what waits in one transaction; returns how many samples were
     * written. Never throws: a failure is kept for {@link #findings} and the samples wait for the next
     * call. Called by one thread at a time (the owner's writer).
     */
    public int flush() {
        noteDrops();
        buffer.drainTo(pending, buffer.capacity() - pending.size());
        waiting = pending.size();
        if (pending.isEmpty()) {
            return 0;
        }
        try {
            new DerbyTagHistory(database.get()).write(pending);
        } catch (RuntimeException e) {
            failed(e);
            return 0;
        }
        int n = pending.size();
        pending.clear();
        waiting = 0;
        written += n;
        if (writeFailure != null) {
            LOG.info("Tag history writes again; {} waiting samples written", n);
        }
        writeFailure = null;
        sameFailures = 0;
        return n;
    }

    private void failed(RuntimeException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (!message.equals(writeFailure)) {
            LOG.error("Cannot write tag history ({} samples waiting): {}", pending.size(), message);
        }
        writeFailure = message;
        // a full disk, a locked or damaged database clear up (or need a person); anything else would
        // fail the same batch forever, so it is given up after a few tries and counted as dropped
        boolean databaseState = !(e instanceof DerbyStoreException d) || d.kind() != DerbyFailure.Kind.OTHER;
        if (!databaseState && ++sameFailures >= GIVE_UP_AFTER) {
            LOG.error("Giving up {} tag history samples after {} failed writes: {}", pending.size(), sameFailures,
                    message);
            buffer.countDropped(pending.size());
            noteDrops();
            pending.clear();
            waiting = 0;
            sameFailures = 0;
        }
    }

    /** Notes when drops last grew; the writer calls it every flush, health when it asks. */
    private synchronized Instant noteDrops() {
        long now = buffer.dropped();
        if (now != droppedSeen) {
            droppedSeen = now;
            lastDrop = clock.instant();
        }
        return lastDrop;
    }

    /** Samples dropped since start because the buffer was full (or a batch could not be written at all). */
    public long dropped() {
        return buffer.dropped();
    }

    /** Samples written since start. */
    public long written() {
        return written;
    }

    /** Samples waiting for the writer: in the buffer and drained but not yet written. */
    public int waiting() {
        return buffer.size() + waiting;
    }

    /** How many tags are historized now. */
    public int historizedTags() {
        return tags.size();
    }

    /** What is wrong, for the owner's health check; {@code subject} names the database. */
    public List<HealthFinding> findings(String subject) {
        List<HealthFinding> findings = new ArrayList<>();
        String failure = writeFailure;
        if (failure != null) {
            findings.add(new HealthFinding(Severity.ERROR, subject, "cannot write tag history (" + waiting()
                    + " samples waiting): " + failure));
        }
        Instant last = noteDrops();
        if (last != null && clock.instant().isBefore(last.plus(DROP_WARNING))) {
            findings.add(new HealthFinding(Severity.WARNING, subject, buffer.dropped() + " tag history samples"
                    + " dropped since start, the last at " + last.truncatedTo(ChronoUnit.SECONDS) + ": the buffer of "
                    + buffer.capacity() + " samples was full (the database was slow or could not be written);"
                    + " raise tagHistoryBuffer or widen deadbands. This warning ends " + DROP_WARNING.toHours()
                    + " h after the last drop"));
        }
        List<String> refused = tags.refused();
        if (!refused.isEmpty()) {
            findings.add(new HealthFinding(Severity.WARNING, subject, "historized tags not kept, their names are"
                    + " too long to store: " + refused));
        }
        return findings;
    }
}
