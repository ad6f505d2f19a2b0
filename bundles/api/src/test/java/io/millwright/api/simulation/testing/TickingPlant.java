package io.millwright.api.simulation.testing;

import io.millwright.api.simulation.PlantListener;
import io.millwright.api.simulation.SimulatedPlant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the simulator's plant, keeping the API's promises: every machine now on
 * {@link #addListener}, then each change in order per machine, nothing after {@link #removeListener}.
 */
public final class TickingPlant implements SimulatedPlant, AutoCloseable {

    // guarded by this
    private final Map<String, TickingMachine> machines = new LinkedHashMap<>();
    private final List<PlantListener> listeners = new ArrayList<>();

    /** Adds a running machine making a part every {@code cycleTimeMs}. */
    public synchronized TickingMachine add(String id, double cycleTimeMs) {
        TickingMachine machine = new TickingMachine(id, cycleTimeMs);
        machines.put(id, machine);
        listeners.forEach(machine::follow);
        return machine;
    }

    public synchronized void remove(String id) {
        TickingMachine machine = machines.remove(id);
        machine.close();
        listeners.forEach(machine::unfollow);
        listeners.forEach(l -> l.machineRemoved(id));
    }

    @Override
    public synchronized void addListener(PlantListener listener) {
        if (!listeners.contains(listener)) {
            listeners.add(listener);
            machines.values().forEach(m -> m.follow(listener));
        }
    }

    @Override
    public synchronized void removeListener(PlantListener listener) {
        if (listeners.remove(listener)) {
            machines.values().forEach(m -> m.unfollow(listener));
        }
    }

    @Override
    public synchronized void close() {
        machines.values().forEach(TickingMachine::close);
        machines.clear();
    }
}
