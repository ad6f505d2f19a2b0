package io.millwright.simulator.internal;

import io.millwright.api.health.HealthCheck;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;

/**
 * The simulated machines of this framework, by id, and the configurations refused: what the
 * shell commands act on, and what {@code millwright:health} reports about the simulator. Internal
 * to the simulator bundle; nothing outside it sees the type.
 */
@Component(service = {SimulatedPlant.class, HealthCheck.class})
public class SimulatedPlant implements HealthCheck {

    private record Entry(String pid, SimulatedMachine machine) {
    }

    private final Map<String, Entry> machines = new ConcurrentHashMap<>();
    private final Map<String, RefusedSimulation> refused = new ConcurrentHashMap<>();
    private final List<PlantListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Adds a machine for a configuration.
     *
     * @return the file already simulating a machine with that id, or empty when added
     */
    synchronized Optional<String> add(String pid, SimulatedMachine machine) {
        Entry existing = machines.get(machine.id());
        if (existing != null && !existing.pid().equals(pid)) {
            return Optional.of(existing.pid());
        }
        refused.remove(pid);
        Entry replaced = machines.put(machine.id(), new Entry(pid, machine));
        if (replaced != null) {
            listeners.forEach(l -> l.machineRemoved(replaced.machine()));
        }
        listeners.forEach(l -> l.machineAdded(machine));
        return Optional.empty();
    }

    /** The configuration simulating machine {@code id}, if any. */
    Optional<String> simulatedBy(String id) {
        Entry entry = machines.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.pid());
    }

    /** Forgets the machine and any refusal of the configuration {@code pid}. */
    synchronized void remove(String pid) {
        List<Entry> gone = machines.values().stream().filter(e -> e.pid().equals(pid)).toList();
        for (Entry e : gone) {
            machines.remove(e.machine().id(), e);
            listeners.forEach(l -> l.machineRemoved(e.machine()));
        }
        refused.remove(pid);
    }

    /** Tells {@code listener} about every machine there is now, then about each one added or removed. */
    public synchronized void addListener(PlantListener listener) {
        listeners.add(listener);
        machines().forEach(listener::machineAdded);
    }

    /** Stops telling {@code listener}; it is not told that the machines went. */
    public synchronized void removeListener(PlantListener listener) {
        listeners.remove(listener);
    }

    void refuse(RefusedSimulation refusal) {
        refused.put(refusal.pid(), refusal);
    }

    public List<SimulatedMachine> machines() {
        List<SimulatedMachine> list = new ArrayList<>();
        machines.values().forEach(e -> list.add(e.machine()));
        list.sort(Comparator.comparing(SimulatedMachine::id));
        return list;
    }

    public List<String> machineIds() {
        return machines().stream().map(SimulatedMachine::id).toList();
    }

    /** The machine, or an exception naming the id and the ids there are. */
    public SimulatedMachine machine(String id) {
        Entry entry = machines.get(id);
        if (entry == null) {
            throw new IllegalArgumentException("no simulated machine '" + id + "'; there are: "
                    + (machines.isEmpty() ? "none" : String.join(", ", machineIds())));
        }
        return entry.machine();
    }

    public List<RefusedSimulation> refused() {
        List<RefusedSimulation> list = new ArrayList<>(refused.values());
        list.sort(Comparator.comparing(RefusedSimulation::file));
        return list;
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public List<HealthFinding> check() {
        List<HealthFinding> findings = new ArrayList<>();
        for (RefusedSimulation r : refused()) {
            findings.add(new HealthFinding(Severity.ERROR, r.file(), r.problem()));
        }
        for (SimulatedMachine m : machines()) {
            if (m.modbusEndpoint().isPresent() && !m.modbusUp()) {
                String problem = m.modbusProblem();
                findings.add(problem.isEmpty()
                        ? new HealthFinding(Severity.INFO, "simulator " + m.id(),
                                "Modbus server taken down by command (sim-peer " + m.id() + " up brings it back)")
                        : new HealthFinding(Severity.WARNING, "simulator " + m.id(), problem));
            }
        }
        return findings;
    }
}
