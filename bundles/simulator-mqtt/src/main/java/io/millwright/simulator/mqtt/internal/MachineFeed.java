package io.millwright.simulator.mqtt.internal;

import io.millwright.api.simulation.MachineSnapshot;
import io.millwright.api.simulation.PlantListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The face's ear on the plant. The plant calls it on its ticker threads while holding locks, so it
 * only records: a change overwrites the machine's latest snapshot (coalescing whatever the
 * publisher has not sent yet), and additions and removals queue up in order for the publisher's
 * thread, which {@link #drain}s them.
 */
final class MachineFeed implements PlantListener {

    /** A machine came or went, in the order the plant said so. */
    sealed interface Event permits Added, Removed {
    }

    /** @param latest overwritten by each change of this machine (and not of a later one under the same id) */
    record Added(String machineId, AtomicReference<MachineSnapshot> latest) implements Event {
    }

    record Removed(String machineId) implements Event {
    }

    private final Map<String, AtomicReference<MachineSnapshot>> live = new ConcurrentHashMap<>();
    private final Queue<Event> events = new ConcurrentLinkedQueue<>();

    @Override
    public void machineAdded(String machineId, MachineSnapshot now) {
        AtomicReference<MachineSnapshot> latest = new AtomicReference<>(now);
        live.put(machineId, latest);
        events.add(new Added(machineId, latest));
    }

    @Override
    public void machineChanged(String machineId, MachineSnapshot snapshot) {
        AtomicReference<MachineSnapshot> latest = live.get(machineId);
        if (latest != null) {
            latest.set(snapshot);
        }
    }

    @Override
    public void machineRemoved(String machineId) {
        if (live.remove(machineId) != null) {
            events.add(new Removed(machineId));
        }
    }

    /**
     * Every machine is gone: after the plant stopped telling this feed (it does not report its
     * machines removed then), so nothing runs concurrently.
     */
    void forgetAll() {
        new ArrayList<>(live.keySet()).forEach(this::machineRemoved);
    }

    /** Hands the queued events to {@code handler}, oldest first. */
    void drain(Consumer<Event> handler) {
        Event e;
        while ((e = events.poll()) != null) {
            handler.accept(e);
        }
    }

    /** The machines known now, sorted. */
    List<String> machineIds() {
        return live.keySet().stream().sorted().toList();
    }
}
