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
        machines.put(machine.id(), new Entry(pid, machine));
        return Optional.empty();
    }

    /** Forgets the machine and any refusal of the configuration {@code pid}. */
    synchronized void remove(String pid) {
        machines.values().removeIf(e -> e.pid().equals(pid));
        refused.remove(pid);
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
