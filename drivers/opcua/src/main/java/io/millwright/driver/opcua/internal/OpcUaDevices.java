package io.millwright.driver.opcua.internal;

import io.millwright.api.health.HealthCheck;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import io.millwright.driver.opcua.internal.client.OpcUaDevice;
import io.millwright.driver.opcua.internal.pki.Pki;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Component;

/**
 * The OPC UA devices of this bundle, by id: keeps ids unique across device files, hands out one
 * {@link Pki} per PKI folder (devices sharing a folder share its client certificate), lets the
 * shell find devices and PKI folders, and reports refused device files to {@code millwright:health}.
 */
@Component(service = {OpcUaDevices.class, HealthCheck.class})
public class OpcUaDevices implements HealthCheck {

    /** A device file that was refused, and why. */
    public record Refusal(String pid, String file, String message) {
    }

    private final Map<String, String> pidById = new HashMap<>();
    private final Map<String, OpcUaDevice> running = new TreeMap<>();
    private final Map<String, Refusal> refusals = new TreeMap<>();
    private final Map<Path, Pki> pkis = new LinkedHashMap<>();

    /** The default PKI folder: {@code ${karaf.etc}/opcua/pki}. */
    public static Path defaultPkiDir() {
        return Path.of(System.getProperty("karaf.etc", "etc"), "opcua", "pki").toAbsolutePath().normalize();
    }

    /** The one {@link Pki} for a folder. */
    public synchronized Pki pki(Path dir) {
        return pkis.computeIfAbsent(dir.toAbsolutePath().normalize(), Pki::new);
    }

    /** Every PKI folder in use, the default first. */
    public synchronized List<Pki> pkis() {
        pki(defaultPkiDir());
        return new ArrayList<>(pkis.values());
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

    public synchronized void started(OpcUaDevice device) {
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
    public synchronized OpcUaDevice find(String id) {
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
        return "opcua";
    }

    @Override
    public synchronized List<HealthFinding> check() {
        List<HealthFinding> findings = new ArrayList<>();
        for (Refusal r : refusals.values()) {
            findings.add(new HealthFinding(Severity.ERROR, "opcua " + r.file(), r.message()));
        }
        return findings;
    }
}
