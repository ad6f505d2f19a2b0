package io.millwright.driver.modbus.internal;

import io.millwright.api.health.HealthCheck;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import io.millwright.driver.modbus.internal.poll.ModbusDevice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Component;

/**
 * The Modbus devices of this bundle, by id: keeps ids unique across device files, lets the shell
 * find a device's link, and reports refused device files to {@code millwright:health}.
 */
@Component(service = {ModbusDevices.class, HealthCheck.class})
public class ModbusDevices implements HealthCheck {

    /** A device file that was refused, and why. */
    public record Refusal(String pid, String file, String message) {
    }

    private final Map<String, String> pidById = new HashMap<>();
    private final Map<String, ModbusDevice> running = new TreeMap<>();
    private final Map<String, Refusal> refusals = new TreeMap<>();

    /** @return false when another device file already uses this id */
    public synchronized boolean claim(String id, String pid) {
        String owner = pidById.putIfAbsent(id, pid);
        return owner == null || owner.equals(pid);
    }

    /** The pid that owns an id, or null. */
    public synchronized String owner(String id) {
        return pidById.get(id);
    }

    public synchronized void started(ModbusDevice device) {
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
    public synchronized ModbusDevice find(String id) {
        return running.get(id);
    }

    public synchronized List<String> ids() {
        return new ArrayList<>(running.keySet());
    }

    public synchronized List<Refusal> refusals() {
        return new ArrayList<>(refusals.values());
    }

    @Override
    public String name() {
        return "modbus";
    }

    @Override
    public synchronized List<HealthFinding> check() {
        List<HealthFinding> findings = new ArrayList<>();
        for (Refusal r : refusals.values()) {
            findings.add(new HealthFinding(Severity.ERROR, "modbus " + r.file(), r.message()));
        }
        for (ModbusDevice d : running.values()) {
            if (d.overruns() > 0) {
                findings.add(new HealthFinding(Severity.WARNING, "modbus device " + d.id(), d.overruns()
                        + " polls took longer than the poll interval of " + d.settings().pollIntervalMs() + " ms"));
            }
        }
        return findings;
    }
}
