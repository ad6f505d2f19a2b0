package io.millwright.driver.support;

import io.millwright.api.device.Device;
import io.millwright.api.health.HealthCheck;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A driver's devices, by id: keeps ids unique across device files, lets the shell find running
 * devices, and reports refused device files to {@code millwright:health}. Each driver registers
 * a subclass as its component (one per bundle).
 *
 * @param <D> the driver's running device
 */
public class DeviceRegistry<D extends Device> implements HealthCheck {

    /** A device file that was refused, and why. */
    public record Refusal(String pid, String file, String message) {
    }

    private final String name;
    private final Map<String, String> pidById = new HashMap<>();
    private final Map<String, D> running = new TreeMap<>();
    private final Map<String, Refusal> refusals = new TreeMap<>();

    /** @param name the health check's name, which also starts each finding's subject ({@code modbus}) */
    protected DeviceRegistry(String name) {
        this.name = name;
    }

    /** @return false when another device file already uses this id */
    public synchronized boolean claim(String id, String pid) {
        String owner = pidById.putIfAbsent(id, pid);
        return owner == null || owner.equals(pid);
    }

    /** The pid that owns an id, or null. */
    public synchronized String owner(String id) {
        return pidById.get(id);
    }

    public synchronized void started(D device) {
        running.put(device.id(), device);
    }

    public synchronized void refused(Refusal refusal) {
        refusals.put(refusal.pid(), refusal);
    }

    /** Forgets everything a device file claimed: its id, its running device, its refusal. */
    public synchronized void release(String pid) {
        pidById.entrySet().removeIf(e -> {
            if (e.getValue().equals(pid)) {
                running.remove(e.getKey());
                return true;
            }
            return false;
        });
        refusals.remove(pid);
    }

    /** @return the running device with that id, or null */
    public synchronized D find(String id) {
        return running.get(id);
    }

    public synchronized List<String> ids() {
        return new ArrayList<>(running.keySet());
    }

    public synchronized List<Refusal> refusals() {
        return new ArrayList<>(refusals.values());
    }

    /** The running devices, by id. */
    protected synchronized List<D> running() {
        return new ArrayList<>(running.values());
    }

    @Override
    public String name() {
        return name;
    }

    /** One error for each refused device file; a driver adds what only it can see. */
    @Override
    public synchronized List<HealthFinding> check() {
        List<HealthFinding> findings = new ArrayList<>();
        for (Refusal r : refusals.values()) {
            findings.add(new HealthFinding(Severity.ERROR, name + " " + r.file(), r.message()));
        }
        return findings;
    }
}
