package io.millwright.simulator.mqtt.internal;

import io.millwright.api.simulation.MachineSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the publisher last sent of one machine: whether its device is born in the current
 * Sparkplug B session, the values sent and when. Used on the publisher's thread only.
 */
final class PublishedMachine {

    private final String id;
    private final AtomicReference<MachineSnapshot> latest;
    private boolean born;
    private Map<MachineMetric, Object> sent;
    private long sentAt;

    PublishedMachine(String id, AtomicReference<MachineSnapshot> latest) {
        this.id = id;
        this.latest = latest;
    }

    String id() {
        return id;
    }

    /** The newest snapshot the plant gave; never older than one read before. */
    MachineSnapshot latest() {
        return latest.get();
    }

    boolean born() {
        return born;
    }

    void born(boolean born) {
        this.born = born;
    }

    /** The metrics whose values differ from those last sent; all of them when nothing was sent. */
    List<MachineMetric> changed(Map<MachineMetric, Object> values) {
        List<MachineMetric> changed = new ArrayList<>();
        values.forEach((m, v) -> {
            if (sent == null || !Objects.equals(sent.get(m), v)) {
                changed.add(m);
            }
        });
        return changed;
    }

    /** Milliseconds since values were last sent ({@code now} on the same clock), or Long.MAX_VALUE when never. */
    long quietFor(long now) {
        return sent == null ? Long.MAX_VALUE : now - sentAt;
    }

    void sent(Map<MachineMetric, Object> values, long now) {
        sent = values;
        sentAt = now;
    }

    /** A new broker session: everything is sent again, the device born again. */
    void forget() {
        born = false;
        sent = null;
    }
}
