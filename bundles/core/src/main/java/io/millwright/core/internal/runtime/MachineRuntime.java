package io.millwright.core.internal.runtime;

import io.millwright.api.device.Device;
import io.millwright.api.device.DeviceStatus;
import io.millwright.api.device.TagStatus;
import io.millwright.api.health.HealthCheck;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import io.millwright.api.machine.MachineEvent;
import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import io.millwright.api.store.DowntimeRecord;
import io.millwright.api.store.MachineCheckpoint;
import io.millwright.api.store.MachineStore;
import io.millwright.core.internal.engine.MachineStateEngine;
import io.millwright.core.internal.engine.PlannedStops;
import io.millwright.core.internal.model.MachineDefinition;
import io.millwright.core.internal.model.SignalBinding;
import io.millwright.core.internal.model.ReasonTree;
import io.millwright.core.internal.model.SignalKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core at run time: takes samples from every driver ({@link SampleSink}), routes them through
 * the tag index to the machines' state engines, ticks the engines for staleness and the calendar,
 * and writes what they derive to the store in batches. Owns one thread, the writer.
 */
@Component(service = {SampleSink.class, HealthCheck.class, MachineRuntime.class}, immediate = true)
public class MachineRuntime implements SampleSink, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(MachineRuntime.class);
    private static final long WRITE_INTERVAL_MS = 250;
    private static final long TICK_INTERVAL_MS = 1000;
    /** How long machines defined at boot wait for a durable store before making do with the in-memory one. */
    public static final long DURABLE_STORE_GRACE_MS = 30_000;

    private final Map<String, MachineSlot> slots = new ConcurrentHashMap<>();
    private final Map<String, SiteCalendar> calendars = new ConcurrentHashMap<>();
    private final Map<String, DeviceStatus> deviceStatus = new ConcurrentHashMap<>();
    /** The Device services, by id: where a newly defined machine finds its tags' last values. */
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    /** Devices registered as reporting by exception (Device.PROP_REPORTING). */
    private final Set<String> byException = ConcurrentHashMap.newKeySet();
    private final Map<String, RefusedConfiguration> refused = new ConcurrentHashMap<>();
    private final Map<String, ReasonTree> reasons = new ConcurrentHashMap<>();
    private final UnmappedTags unmapped = new UnmappedTags();
    private final EventPublisher publisher = new EventPublisher(200_000);
    private volatile TagIndex index = TagIndex.EMPTY;

    private volatile MachineStore store;
    private volatile boolean storeDurable;
    private long activatedAt;
    private long durableStoreGrace;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    private ScheduledExecutorService writer;
    private long lastTick;

    @Activate
    public void activate() {
        activate(DURABLE_STORE_GRACE_MS);
    }

    /**
     * Public so that benchmarks and tests can run the runtime without a framework; they pass a
     * grace of 0 (machines never wait for a durable store).
     */
    public void activate(long durableStoreGraceMillis) {
        activatedAt = System.currentTimeMillis();
        durableStoreGrace = durableStoreGraceMillis;
        writer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "millwright-core-writer"));
        writer.scheduleWithFixedDelay(this::writeSafely, WRITE_INTERVAL_MS, WRITE_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    public void deactivate() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(10, TimeUnit.SECONDS);
        for (MachineSlot slot : slots.values()) {
            synchronized (slot) {
                slot.engine.flush();
            }
        }
        write(System.currentTimeMillis(), false);
    }

    // --- the hot path ----------------------------------------------------------------------

    @Override
    public void accept(List<Sample> samples) {
        TagIndex current = index;
        for (int i = 0, n = samples.size(); i < n; i++) {
            Sample sample = samples.get(i);
            TagIndex.Target[] targets = current.lookup(sample.deviceId(), sample.tag());
            if (targets == null) {
                unmapped.count(sample.deviceId(), sample.tag());
                continue;
            }
            for (TagIndex.Target target : targets) {
                synchronized (target.slot) {
                    if (target.slot.awaitingStore) {
                        target.slot.heldWhileAwaiting.put(target.binding, sample);
                    } else {
                        target.slot.engine.onSample(target.binding, sample);
                    }
                }
            }
        }
    }

    // --- configuration ---------------------------------------------------------------------

    /**
     * Adds or replaces a machine; a replaced machine continues from its live state and counters.
     * Returns false (and records the refusal) when another file already defines the id.
     */
    public synchronized boolean define(String pid, String file, MachineDefinition definition) {
        long now = System.currentTimeMillis();
        MachineSlot old = slots.get(definition.id());
        if (old != null && !old.pid.equals(pid)) {
            refuse(new RefusedConfiguration(pid, file, "machine", "id", definition.id(),
                    "id = '" + definition.id() + "': machine id already defined by another file (" + old.pid + ")",
                    Instant.ofEpochMilli(now)));
            return false;
        }
        refused.remove(pid);
        MachineCheckpoint resume = null;
        DowntimeRecord openDowntime = null;
        if (old != null) {
            synchronized (old) {
                old.engine.flush();
                List<MachineEvent> events = new ArrayList<>();
                old.engine.drainTo(events);
                MachineCheckpoint checkpoint = old.engine.takeCheckpoint(now);
                publishOnWriter(events, checkpoint);
                resume = new MachineCheckpoint(definition.id(), Instant.ofEpochMilli(now), old.engine.state(),
                        old.engine.since(), old.engine.openDowntimeId(),
                        checkpoint == null ? Map.of() : checkpoint.counterBaselines(), old.engine.product(),
                        old.engine.idealCycleTime());
            }
        } else if (store != null && !awaitsDurableStore(now)) {
            resume = store.checkpoint(definition.id()).orElse(null);
        }
        MachineStateEngine engine = new MachineStateEngine(definition, plannedStops(definition), now);
        if (resume != null) {
            if (resume.openDowntimeId() != null && store != null) {
                openDowntime = store.downtime(resume.openDowntimeId()).orElse(null);
            }
            engine.restore(resume, openDowntime, now);
        }
        MachineSlot slot = new MachineSlot(pid, definition, engine);
        // at boot the core is often up before the durable store: resuming from the in-memory one
        // would start the counters afresh and acknowledge events nobody keeps
        slot.awaitingStore = old == null && awaitsDurableStore(now);
        engine.setDevices(offlineDevices(slot), vouched(slot), now);
        slots.put(definition.id(), slot);
        index = TagIndex.of(slots.values());
        seedFromDevices(slot);
        LOG.info("Machine {} ({}) {}: {} signals from {}", definition.id(), definition.name(),
                old == null ? "defined" : "redefined", definition.bindings().size(), slot.devices);
        return true;
    }

    /**
     * Gives a machine the last value its devices already delivered for each of its signals: a
     * device that reports by exception (OPC UA, Sparkplug) sent a steady value once, maybe before
     * the machine's file existed, and will not send it again. A signal that got a sample of its own
     * since the machine was indexed keeps it.
     */
    private void seedFromDevices(MachineSlot slot) {
        for (SignalBinding binding : slot.definition.bindings().values()) {
            Device device = devices.get(binding.deviceId());
            Sample last = device == null ? null : lastSample(device, binding.tag());
            if (last == null) {
                continue;
            }
            synchronized (slot) {
                if (slot.awaitingStore) {
                    slot.heldWhileAwaiting.putIfAbsent(binding, last);
                } else if (slot.engine.lastSample(binding.kind()) == null) {
                    slot.engine.onSample(binding, last);
                }
            }
        }
    }

    private static Sample lastSample(Device device, String tag) {
        try {
            for (TagStatus t : device.tags()) {
                if (t.name().equals(tag)) {
                    return t.last();
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("Device {}: tags not readable while it changes: {}", device.id(), e.toString());
        }
        return null;
    }

    /** Removes a machine whose configuration was deleted, flushing what it counted. */
    public synchronized void remove(String pid, String machineId) {
        refused.remove(pid);
        if (machineId == null) {
            return;
        }
        MachineSlot slot = slots.get(machineId);
        if (slot == null || !slot.pid.equals(pid)) {
            return;
        }
        slots.remove(machineId);
        index = TagIndex.of(slots.values());
        synchronized (slot) {
            slot.engine.flush();
            List<MachineEvent> events = new ArrayList<>();
            slot.engine.drainTo(events);
            MachineCheckpoint checkpoint = slot.engine.takeCheckpoint(System.currentTimeMillis());
            publishOnWriter(events, checkpoint);
        }
        LOG.info("Machine {} removed", machineId);
    }

    /** The publisher is the writer thread's alone; others hand it their events. */
    private void publishOnWriter(List<MachineEvent> events, MachineCheckpoint checkpoint) {
        List<MachineCheckpoint> checkpoints = checkpoint == null ? List.of() : List.of(checkpoint);
        try {
            writer.execute(() -> publisher.publish(events, checkpoints, store, eventAdmin));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // deactivating: the writer has stopped and this is the only thread left
            publisher.publish(events, checkpoints, store, eventAdmin);
        }
    }

    public void refuse(RefusedConfiguration refusal) {
        refused.put(refusal.pid(), refusal);
        LOG.error("Refused {} configuration {}: {}", refusal.kind(), refusal.file(), refusal.message());
    }

    public void clearRefusal(String pid) {
        refused.remove(pid);
    }

    public void addReasons(ReasonTree tree) {
        reasons.put(tree.site(), tree);
    }

    public void removeReasons(String site) {
        reasons.remove(site);
    }

    public Optional<ReasonTree> reasonsFor(String site) {
        return Optional.ofNullable(reasons.get(site));
    }

    public void addCalendar(SiteCalendar calendar) {
        calendars.put(calendar.scope(), calendar);
    }

    public void removeCalendar(String scope) {
        calendars.remove(scope);
    }

    /** The calendar that applies to a machine: its own, its line's or its site's. */
    public Optional<SiteCalendar> calendarFor(MachineDefinition definition) {
        for (String scope : definition.calendarScopes()) {
            SiteCalendar calendar = calendars.get(scope);
            if (calendar != null) {
                return Optional.of(calendar);
            }
        }
        return Optional.empty();
    }

    private PlannedStops plannedStops(MachineDefinition definition) {
        // looked up at every use, so that a calendar edited or added later applies at once
        return new PlannedStops() {
            @Override
            public boolean isPlannedStop(Instant t) {
                return calendarFor(definition).map(c -> c.isPlannedStop(t)).orElse(false);
            }

            @Override
            public Instant nextChange(Instant t) {
                return calendarFor(definition).map(c -> c.nextChange(t)).orElse(t.plusSeconds(60));
            }
        };
    }

    // --- the store ---------------------------------------------------------------------------

    /**
     * A store arrives, or a better-ranked one replaces the current (Derby after the in-memory
     * one at boot): machines that have seen no data yet resume from its checkpoints.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindStore(MachineStore newStore, Map<String, Object> properties) {
        store = newStore;
        storeDurable = !"memory".equals(properties.get("millwright.store"));
        resumeFrom(newStore, storeDurable);
    }

    /** The last sample of each signal that came while the machine waited, oldest first; called under its lock. */
    private static void judgeHeldSamples(MachineSlot slot) {
        List<Map.Entry<SignalBinding, Sample>> held = new ArrayList<>(slot.heldWhileAwaiting.entrySet());
        held.sort(Comparator.comparingLong(e -> e.getValue().sourceTime()));
        for (Map.Entry<SignalBinding, Sample> entry : held) {
            slot.engine.onSample(entry.getKey(), entry.getValue());
        }
        slot.heldWhileAwaiting.clear();
    }

    /** Whether a machine defined now waits for a durable store (only at boot, only until one binds). */
    private boolean awaitsDurableStore(long now) {
        return !storeDurable && now < activatedAt + durableStoreGrace;
    }

    void unbindStore(MachineStore oldStore) {
        if (store == oldStore) {
            store = null;
            storeDurable = false;
        }
    }

    /** Resumes machines that have no data yet, and those waiting for a store when {@code release}. */
    private synchronized void resumeFrom(MachineStore source, boolean release) {
        long now = System.currentTimeMillis();
        for (MachineSlot slot : slots.values()) {
            synchronized (slot) {
                if (slot.awaitingStore && !release || !slot.awaitingStore && slot.engine.hasData()) {
                    continue;
                }
                MachineCheckpoint checkpoint;
                DowntimeRecord open = null;
                try {
                    checkpoint = source.checkpoint(slot.definition.id()).orElse(null);
                    if (checkpoint != null && checkpoint.openDowntimeId() != null) {
                        open = source.downtime(checkpoint.openDowntimeId()).orElse(null);
                    }
                } catch (RuntimeException e) {
                    LOG.error("Cannot read the checkpoint of machine {}: {}", slot.definition.id(), e.getMessage());
                    continue;
                }
                if (checkpoint != null) {
                    slot.engine.restore(checkpoint, open, now);
                }
                if (slot.awaitingStore) {
                    slot.awaitingStore = false;
                    judgeHeldSamples(slot);
                    LOG.info("Machine {} resumes from {} store", slot.definition.id(),
                            storeDurable ? "the durable" : "the in-memory (no durable store came)");
                }
            }
        }
    }

    // --- devices ---------------------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDevice(Device device, Map<String, Object> properties) {
        deviceChanged(device, properties, false);
    }

    void updatedDevice(Device device, Map<String, Object> properties) {
        deviceChanged(device, properties, false);
    }

    void removeDevice(Device device, Map<String, Object> properties) {
        deviceChanged(device, properties, true);
    }

    private void deviceChanged(Device device, Map<String, Object> properties, boolean gone) {
        Object id = properties.get(Device.PROP_ID);
        String deviceId = id == null ? device.id() : id.toString();
        if (gone) {
            // a driver being updated unregisters its devices; staleness, not this, decides OFFLINE
            deviceStatus.remove(deviceId);
            byException.remove(deviceId);
            devices.remove(deviceId, device);
        } else {
            devices.put(deviceId, device);
            if (Device.REPORTS_BY_EXCEPTION.equals(properties.get(Device.PROP_REPORTING))) {
                byException.add(deviceId);
            } else {
                byException.remove(deviceId);
            }
            Object status = properties.get(Device.PROP_STATUS);
            try {
                deviceStatus.put(deviceId, status == null ? device.status() : DeviceStatus.valueOf(status.toString()));
            } catch (IllegalArgumentException e) {
                LOG.warn("Device {} reports unknown status '{}'", deviceId, status);
                return;
            }
        }
        long now = System.currentTimeMillis();
        for (MachineSlot slot : slots.values()) {
            if (slot.devices.contains(deviceId)) {
                synchronized (slot) {
                    slot.engine.setDevices(offlineDevices(slot), vouched(slot), now);
                }
            }
        }
    }

    /** All the machine's devices are registered, report by exception and are connected. */
    private boolean vouched(MachineSlot slot) {
        for (String device : slot.devices) {
            DeviceStatus status = deviceStatus.get(device);
            if (!byException.contains(device) || (status != DeviceStatus.ONLINE && status != DeviceStatus.DEGRADED)) {
                return false;
            }
        }
        return !slot.devices.isEmpty();
    }

    private int offlineDevices(MachineSlot slot) {
        int offline = 0;
        for (String device : slot.devices) {
            DeviceStatus status = deviceStatus.get(device);
            if (status == DeviceStatus.OFFLINE) {
                offline++;
            }
        }
        return offline;
    }

    // --- the writer thread -----------------------------------------------------------------

    private void writeSafely() {
        try {
            long now = System.currentTimeMillis();
            boolean tick = now - lastTick >= TICK_INTERVAL_MS;
            if (tick) {
                lastTick = now;
                MachineStore current = store;
                if (current != null && !storeDurable && now >= activatedAt + durableStoreGrace
                        && slots.values().stream().anyMatch(s -> s.awaitingStore)) {
                    resumeFrom(current, true);
                }
            }
            write(now, tick);
        } catch (RuntimeException e) {
            LOG.error("Machine writer failed; retrying", e);
        }
    }

    private void write(long now, boolean tick) {
        List<MachineEvent> events = new ArrayList<>();
        List<MachineCheckpoint> checkpoints = new ArrayList<>();
        for (MachineSlot slot : slots.values()) {
            synchronized (slot) {
                if (tick) {
                    slot.engine.tick(now);
                }
                // events and the checkpoint that covers them are taken together
                slot.engine.drainTo(events);
                MachineCheckpoint checkpoint = slot.engine.takeCheckpoint(now);
                if (checkpoint != null) {
                    checkpoints.add(checkpoint);
                }
            }
        }
        publisher.publish(events, checkpoints, store, eventAdmin);
    }

    /** Writes pending events now (for commands that read right after changing something). */
    public void writeNow() {
        try {
            writer.submit(() -> write(System.currentTimeMillis(), false)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not write machine events: " + e.getMessage(), e);
        }
    }

    // --- what the shell and OEE read -------------------------------------------------------

    public Collection<String> machineIds() {
        List<String> ids = new ArrayList<>(slots.keySet());
        ids.sort(null);
        return ids;
    }

    public Optional<MachineSnapshot> snapshot(String machineId) {
        MachineSlot slot = slots.get(machineId);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            MachineStateEngine e = slot.engine;
            Map<SignalKind, Sample> last = new EnumMap<>(SignalKind.class);
            for (SignalKind kind : slot.definition.bindings().keySet()) {
                Sample sample = e.lastSample(kind);
                if (sample != null) {
                    last.put(kind, sample);
                }
            }
            return Optional.of(new MachineSnapshot(slot.definition, e.state(), e.since(), e.product(),
                    e.idealCycleTime(), e.speed(), e.faultCode(), e.openDowntimeId(), last, e.counterResets(),
                    e.counterRollovers()));
        }
    }

    /** Sets the product a machine makes now (an ERP work order, or a person). */
    public void setProduct(String machineId, String product) {
        MachineSlot slot = slots.get(machineId);
        if (slot == null) {
            throw new IllegalArgumentException("no machine '" + machineId + "'");
        }
        synchronized (slot) {
            slot.engine.setProduct(product, System.currentTimeMillis());
        }
        writeNow();
    }

    /** Appends events made by a person (reason set, split) straight to the store. */
    public void appendNow(MachineEvent event) {
        MachineStore current = store;
        if (current == null) {
            throw new IllegalStateException("no machine store is registered");
        }
        writeNow();
        current.append(new io.millwright.api.store.MachineBatch(List.of(event), List.of()));
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(EventPublisher.toEvent(event));
        }
    }

    public MachineStore store() {
        MachineStore current = store;
        if (current == null) {
            throw new IllegalStateException("no machine store is registered");
        }
        return current;
    }

    public List<RefusedConfiguration> refused() {
        List<RefusedConfiguration> list = new ArrayList<>(refused.values());
        list.sort((a, b) -> a.file().compareTo(b.file()));
        return list;
    }

    public List<UnmappedTagsView> unmappedTags() {
        return unmapped.rows();
    }

    public int mappedTags() {
        return index.tagCount();
    }

    // --- health ----------------------------------------------------------------------------

    @Override
    public String name() {
        return "core";
    }

    @Override
    public List<HealthFinding> check() {
        List<HealthFinding> findings = new ArrayList<>();
        for (RefusedConfiguration refusal : refused()) {
            findings.add(new HealthFinding(Severity.ERROR, refusal.kind() + " configuration " + refusal.file(),
                    "refused: " + refusal.message()));
        }
        String failure = publisher.failure();
        if (failure != null) {
            findings.add(new HealthFinding(Severity.ERROR, "machine store",
                    "cannot write: " + failure + "; " + publisher.backlog() + " events held in memory"
                            + (publisher.dropped() > 0 ? ", " + publisher.dropped() + " dropped" : "")));
        }
        for (MachineSlot slot : slots.values()) {
            if (slot.awaitingStore) {
                findings.add(new HealthFinding(Severity.WARNING, "machine " + slot.definition.id(),
                        "waiting for the durable store to resume from its checkpoint (at most "
                                + durableStoreGrace / 1000 + " s after start); its samples are not judged yet"));
            }
        }
        return findings;
    }
}
