package io.millwright.simulator.internal;

import io.millwright.api.health.HealthCheck;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import io.millwright.api.simulation.PlantListener;
import io.millwright.api.simulation.SimulatedPlant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * The simulated machines of this framework, by id, and the configurations refused: what the
 * shell commands act on, what {@code millwright:health} reports about the simulator, and, as the
 * API's {@link SimulatedPlant}, what protocol faces in other bundles follow. Each face's listener
 * gets a {@link MachineFeed} on every machine.
 */
@Component(service = {PlantRegistry.class, SimulatedPlant.class, HealthCheck.class})
public class PlantRegistry implements SimulatedPlant, HealthCheck {

    private record Entry(String pid, SimulatedMachine machine) {
    }

    private final Map<String, Entry> machines = new ConcurrentHashMap<>();
    private final Map<String, RefusedSimulation> refused = new ConcurrentHashMap<>();
    /** Each face's listener with its feed on each machine; guarded by this. */
    private final Map<PlantListener, Map<SimulatedMachine, MachineFeed>> feeds = new IdentityHashMap<>();

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
            feeds.values().forEach(f -> unfollow(f, replaced.machine()));
        }
        feeds.forEach((listener, f) -> follow(listener, f, machine));
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
            feeds.values().forEach(f -> unfollow(f, e.machine()));
        }
        refused.remove(pid);
    }

    @Override
    public synchronized void addListener(PlantListener listener) {
        if (feeds.containsKey(listener)) {
            return;
        }
        Map<SimulatedMachine, MachineFeed> machineFeeds = new HashMap<>();
        feeds.put(listener, machineFeeds);
        machines().forEach(m -> follow(listener, machineFeeds, m));
    }

    @Override
    public synchronized void removeListener(PlantListener listener) {
        Map<SimulatedMachine, MachineFeed> machineFeeds = feeds.remove(listener);
        if (machineFeeds != null) {
            machineFeeds.forEach(SimulatedMachine::removeListener);
        }
    }

    /** The machine hands the new feed its snapshot now, which the feed passes on as machineAdded. */
    private static void follow(PlantListener listener, Map<SimulatedMachine, MachineFeed> machineFeeds,
            SimulatedMachine machine) {
        MachineFeed feed = new MachineFeed(listener, machine.id());
        machineFeeds.put(machine, feed);
        machine.addListener(feed);
    }

    private static void unfollow(Map<SimulatedMachine, MachineFeed> machineFeeds, SimulatedMachine machine) {
        MachineFeed feed = machineFeeds.remove(machine);
        if (feed != null) {
            machine.removeListener(feed);
            feed.removed();
        }
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
