package io.millwright.driver.mqtt.internal.mapping;

import io.millwright.api.sample.Sample;
import io.millwright.driver.mqtt.internal.config.SparkplugAddress;
import io.millwright.driver.mqtt.internal.device.MqttDevice;
import io.millwright.driver.support.sparkplug.SparkplugMetric;
import io.millwright.driver.support.sparkplug.SparkplugPayload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What this host application knows of one Sparkplug B edge node: whether it is born, its bdSeq,
 * the last seq, the aliases and data types its births declared (for the node and its devices),
 * and the mapped devices. A seq gap, or data from a node not born, asks the node to rebirth.
 */
final class SparkplugNode {

    static final String BD_SEQ = "bdSeq";
    private static final long REBIRTH_HOLD_OFF_MS = 5_000;

    private final SparkplugAddress address;
    private final MqttDevice nodeDevice;
    private final Map<String, MqttDevice> devices = new HashMap<>();
    private final Map<Long, String> aliases = new HashMap<>();
    private final Map<String, Integer> types = new HashMap<>();
    private final RebirthRequester rebirth;
    private boolean born;
    private long bdSeq = -1;
    private long lastSeq = -1;
    private long lastRebirthRequest = Long.MIN_VALUE / 2;
    private long seqGaps;

    SparkplugNode(SparkplugAddress address, MqttDevice nodeDevice, RebirthRequester rebirth) {
        this.address = address;
        this.nodeDevice = nodeDevice;
        this.rebirth = rebirth;
    }

    void addDevice(String name, MqttDevice device) {
        devices.put(name, device);
    }

    void copyDevicesTo(SparkplugNode other) {
        other.devices.putAll(devices);
    }

    long seqGaps() {
        return seqGaps;
    }

    /**
     * @param device the Sparkplug device name, or null for a node message
     * @return the mapped device the samples in {@code out} belong to, or null when the message concerns no mapped device
     */
    MqttDevice handle(String type, String device, SparkplugPayload p, long now, boolean replay, List<Sample> out)
            throws PayloadRefusedException {
        MqttDevice target = device == null ? nodeDevice : devices.get(device);
        switch (type) {
            case "NBIRTH" -> {
                born = true;
                aliases.clear();
                types.clear(); // a node birth starts over: its devices are born again after it
                lastSeq = p.seq();
                bdSeq = -1;
                for (SparkplugMetric m : p.metrics()) {
                    if (BD_SEQ.equals(m.name())) {
                        bdSeq = m.longValue();
                    }
                }
                declare(null, p);
                if (target != null) {
                    target.born(tagInfos(p, target.mapping().historized()));
                }
                samples(null, target, p, now, out);
                return target;
            }
            case "NDEATH" -> {
                long deathBdSeq = -1;
                for (SparkplugMetric m : p.metrics()) {
                    if (BD_SEQ.equals(m.name())) {
                        deathBdSeq = m.longValue();
                    }
                }
                if (bdSeq >= 0 && deathBdSeq >= 0 && deathBdSeq != bdSeq) {
                    return null; // the death of an older session of the node: its newer birth stands
                }
                born = false;
                String why = "NDEATH of " + address;
                if (nodeDevice != null) {
                    nodeDevice.died(why);
                }
                devices.values().forEach(d -> d.died(why));
                return null;
            }
            case "DBIRTH", "DDATA", "DDEATH", "NDATA" -> {
                if (device == null && !type.equals("NDATA")) {
                    throw new PayloadRefusedException(type + " without a device level in its topic");
                }
                checkSeq(type, p, now, replay);
                if (type.equals("DBIRTH")) {
                    declare(device, p);
                    if (target != null) {
                        target.born(tagInfos(p, target.mapping().historized()));
                    }
                } else if (type.equals("DDEATH")) {
                    if (target != null) {
                        target.died("DDEATH of " + address + "/" + device);
                    }
                    return null;
                }
                if (target != null) {
                    samples(device, target, p, now, out);
                }
                return target;
            }
            default -> {
                return null; // NCMD, DCMD: commands to the node, not data
            }
        }
    }

    private void checkSeq(String type, SparkplugPayload p, long now, boolean replay) {
        if (replay) {
            return;
        }
        if (!born) {
            askRebirth(type + " from a node without a current NBIRTH", now);
            return;
        }
        if (p.seq() >= 0 && lastSeq >= 0 && p.seq() != (lastSeq + 1) % 256) {
            seqGaps++;
            askRebirth(type + " seq " + p.seq() + " after " + lastSeq, now);
        }
        if (p.seq() >= 0) {
            lastSeq = p.seq();
        }
    }

    private void askRebirth(String why, long now) {
        if (now - lastRebirthRequest >= REBIRTH_HOLD_OFF_MS) {
            lastRebirthRequest = now;
            rebirth.requestRebirth(address.group(), address.edgeNode(), why);
        }
    }

    private void declare(String device, SparkplugPayload p) {
        String scope = device == null ? "\u0000" : device + "\u0000";
        for (SparkplugMetric m : p.metrics()) {
            if (m.name() == null) {
                continue;
            }
            if (m.alias() >= 0) {
                aliases.put(m.alias(), m.name());
            }
            types.put(scope + m.name(), m.dataType());
        }
    }

    private void samples(String device, MqttDevice target, SparkplugPayload p, long now, List<Sample> out)
            throws PayloadRefusedException {
        if (target == null) {
            return;
        }
        String scope = device == null ? "\u0000" : device + "\u0000";
        List<Sample> samples = new ArrayList<>(p.metrics().size());
        for (SparkplugMetric m : p.metrics()) {
            String name = m.name();
            if (name == null) {
                name = aliases.get(m.alias());
                if (name == null) {
                    askRebirth("unknown alias " + m.alias(), now);
                    throw new PayloadRefusedException("metric alias " + m.alias() + " is not declared by a birth of "
                            + address + (device == null ? "" : "/" + device));
                }
            }
            if (BD_SEQ.equals(name) && device == null) {
                continue;
            }
            Integer birthType = types.get(scope + name);
            Sample s = SparkplugSamples.of(target.id(), m.resolved(name, birthType == null ? 0 : birthType), p.timestamp(), now);
            if (s != null) {
                samples.add(s);
            }
        }
        out.addAll(samples);
    }

    private static List<MqttDevice.TagInfo> tagInfos(SparkplugPayload p, boolean historized) {
        List<MqttDevice.TagInfo> tags = new ArrayList<>();
        for (SparkplugMetric m : p.metrics()) {
            if (m.name() != null && !BD_SEQ.equals(m.name())) {
                tags.add(new MqttDevice.TagInfo(m.name(), "metric " + m.name() + (m.alias() >= 0 ? " alias " + m.alias() : ""),
                        historized, 0));
            }
        }
        return tags;
    }
}
