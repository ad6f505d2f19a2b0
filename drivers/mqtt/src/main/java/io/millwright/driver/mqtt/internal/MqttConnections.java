package io.millwright.driver.mqtt.internal;

import io.millwright.api.health.HealthCheck;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import io.millwright.api.quarantine.Quarantine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The MQTT connections of this bundle: keeps connection and device ids unique across files, lets
 * the shell find a connection, reports refused files and quarantines to {@code millwright:health},
 * and gives the quarantine: the {@link Quarantine} service, with payloads held in memory while
 * none is bound or it refuses ({@link HoldingQuarantine}).
 */
@Component(service = {MqttConnections.class, HealthCheck.class})
public class MqttConnections implements HealthCheck {

    /** A connection file that was refused, and why. */
    public record Refusal(String pid, String file, String message) {
    }

    private final Map<String, String> pidById = new HashMap<>();
    private final Map<String, MqttConnection> running = new TreeMap<>();
    private final Map<String, Refusal> refusals = new TreeMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Quarantine service;

    private final HoldingQuarantine quarantine = new HoldingQuarantine(() -> service, 500);

    /** The quarantine to put payloads into and read them from; its put never throws. */
    public Quarantine quarantine() {
        return quarantine;
    }

    /** Why entries are held in memory now, or null while the Quarantine service keeps them. */
    public String quarantineHeldBecause() {
        return quarantine.heldBecause();
    }

    /** Claims ids for a file ({@code connection:<id>}, {@code device:<id>}); all or none. @return the id taken by another file, or null */
    public synchronized String claim(List<String> ids, String pid) {
        for (String id : ids) {
            String owner = pidById.get(id);
            if (owner != null && !owner.equals(pid)) {
                return id + " (used by " + owner + ")";
            }
        }
        ids.forEach(id -> pidById.put(id, pid));
        return null;
    }

    public synchronized void started(MqttConnection connection) {
        running.put(connection.id(), connection);
    }

    public synchronized void refused(Refusal refusal) {
        refusals.put(refusal.pid(), refusal);
    }

    /** Forgets everything a file claimed: its ids, its running connection, its refusal. */
    public synchronized void release(String pid) {
        pidById.entrySet().removeIf(e -> {
            if (e.getValue().equals(pid)) {
                if (e.getKey().startsWith("connection:")) {
                    running.remove(e.getKey().substring("connection:".length()));
                }
                return true;
            }
            return false;
        });
        refusals.remove(pid);
    }

    public synchronized MqttConnection find(String id) {
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
        return "mqtt";
    }

    @Override
    public synchronized List<HealthFinding> check() {
        List<HealthFinding> findings = new ArrayList<>();
        for (Refusal r : refusals.values()) {
            findings.add(new HealthFinding(Severity.ERROR, "mqtt " + r.file(), r.message()));
        }
        for (MqttConnection c : running.values()) {
            if (!c.connected()) {
                findings.add(new HealthFinding(Severity.WARNING, "mqtt connection " + c.id(), "not connected to " + c.settings().uri()));
            }
            long kept = quarantine().count(c.settings().source());
            if (kept > 0) {
                findings.add(new HealthFinding(Severity.WARNING, "mqtt connection " + c.id(), kept
                        + " payloads in quarantine (millwright:quarantine --list)"));
            }
        }
        String held = quarantine.heldBecause();
        if (held != null && quarantine.count(null) > 0) {
            findings.add(new HealthFinding(Severity.WARNING, "mqtt quarantine", quarantine.count(null)
                    + " quarantined payloads held in memory (lost on restart): " + held));
        }
        if (quarantine.dropped() > 0) {
            findings.add(new HealthFinding(Severity.WARNING, "mqtt quarantine", quarantine.dropped()
                    + " quarantined payloads dropped from memory (it keeps the newest 500): " + (held == null ? "the Quarantine service was away" : held)));
        }
        return findings;
    }
}
