package io.millwright.simulator.mqtt.internal;

import io.millwright.driver.support.sparkplug.MalformedPayloadException;
import io.millwright.driver.support.sparkplug.SparkplugCodec;
import io.millwright.driver.support.sparkplug.SparkplugMetric;
import io.millwright.driver.support.sparkplug.SparkplugPayload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator as one Sparkplug B edge node with a device per machine: the topics, and the
 * payloads with the node's {@code seq} (0 in each NBIRTH, then one more per message, wrapping after
 * 255). Aliases are unique across the node, as the specification asks: the n-th machine seen
 * uses n × 16 + 0..7, kept while the face runs. Not thread-safe: used on the publisher's thread.
 */
final class SparkplugEdge {

    static final String NAMESPACE = "spBv1.0";
    static final String BD_SEQ = "bdSeq";
    static final String REBIRTH = "Node Control/Rebirth";
    private static final List<MachineMetric> METRICS = Arrays.stream(MachineMetric.values())
            .filter(m -> m.sparkplugName() != null).toList();

    private final String group;
    private final String node;
    private final Map<String, Integer> deviceNumbers = new HashMap<>();
    private int nextSeq;

    SparkplugEdge(String group, String node) {
        this.group = group;
        this.node = node;
    }

    String nodeTopic(String type) {
        return NAMESPACE + "/" + group + "/" + type + "/" + node;
    }

    String deviceTopic(String type, String machineId) {
        return nodeTopic(type) + "/" + machineId;
    }

    /** The will: NDEATH with only the bdSeq of the connection it is registered with, no seq. */
    Outgoing ndeath(long bdSeq) {
        return new Outgoing(nodeTopic("NDEATH"), SparkplugCodec.encode(
                new SparkplugPayload(-1, -1, List.of(SparkplugMetric.ofLong(BD_SEQ, -1, bdSeq)))));
    }

    /** Starts the node's sequence again at 0. */
    Outgoing nbirth(long bdSeq, long now) {
        nextSeq = 0;
        return new Outgoing(nodeTopic("NBIRTH"), payload(now, List.of(SparkplugMetric.ofLong(BD_SEQ, -1, bdSeq),
                SparkplugMetric.ofBoolean(REBIRTH, -1, false))));
    }

    /** Every metric with name, alias, data type and value. */
    Outgoing dbirth(String machineId, Map<MachineMetric, Object> values, long time) {
        List<SparkplugMetric> metrics = new ArrayList<>(METRICS.size());
        for (MachineMetric m : METRICS) {
            metrics.add(m.toSparkplug(values.get(m), alias(machineId, m)));
        }
        return new Outgoing(deviceTopic("DBIRTH", machineId), payload(time, metrics));
    }

    /**
     * The given metrics by alias only; null when none of them is a Sparkplug B metric (then no
     * seq is used).
     */
    Outgoing ddata(String machineId, Map<MachineMetric, Object> values, Collection<MachineMetric> which, long time) {
        List<SparkplugMetric> metrics = new ArrayList<>(which.size());
        for (MachineMetric m : which) {
            if (m.sparkplugName() != null) {
                metrics.add(m.toSparkplug(values.get(m), alias(machineId, m)).byAlias());
            }
        }
        return metrics.isEmpty() ? null : new Outgoing(deviceTopic("DDATA", machineId), payload(time, metrics));
    }

    Outgoing ddeath(String machineId, long now) {
        return new Outgoing(deviceTopic("DDEATH", machineId), payload(now, List.of()));
    }

    /** The alias of a machine's metric, numbering the machine when first seen. */
    long alias(String machineId, MachineMetric metric) {
        int device = deviceNumbers.computeIfAbsent(machineId, id -> deviceNumbers.size() + 1);
        return device * 16L + METRICS.indexOf(metric);
    }

    /** Whether an NCMD payload asks for a rebirth ({@code Node Control/Rebirth} = true). */
    static boolean asksRebirth(byte[] payload) throws MalformedPayloadException {
        for (SparkplugMetric m : SparkplugCodec.decode(payload).metrics()) {
            if (REBIRTH.equals(m.name()) && m.valueKind() == 'b' && m.longValue() != 0) {
                return true;
            }
        }
        return false;
    }

    private byte[] payload(long time, List<SparkplugMetric> metrics) {
        int seq = nextSeq;
        nextSeq = (nextSeq + 1) % 256;
        return SparkplugCodec.encode(new SparkplugPayload(time, seq, metrics));
    }
}
