package io.millwright.driver.mqtt.internal;

import io.millwright.api.quarantine.Quarantine;
import io.millwright.api.quarantine.QuarantinedPayload;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Where quarantined payloads go while no {@link Quarantine} service is bound: the newest
 * {@code capacity} entries in memory; older ones are dropped and counted.
 */
public final class MemoryQuarantine implements Quarantine {

    private final int capacity;
    private final Deque<QuarantinedPayload> entries = new ArrayDeque<>();
    private long nextId = 1;
    private long dropped;

    public MemoryQuarantine(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized long put(String source, String topic, String reason, byte[] payload) {
        long id = nextId++;
        entries.addFirst(new QuarantinedPayload(id, Instant.now(), source, topic, reason, payload.clone()));
        while (entries.size() > capacity) {
            entries.removeLast();
            dropped++;
        }
        return id;
    }

    @Override
    public synchronized List<QuarantinedPayload> list(String source, int max) {
        List<QuarantinedPayload> out = new ArrayList<>();
        for (QuarantinedPayload p : entries) {
            if (out.size() >= max) {
                break;
            }
            if (source == null || source.equals(p.source())) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public synchronized Optional<QuarantinedPayload> get(long id) {
        return entries.stream().filter(p -> p.id() == id).findFirst();
    }

    @Override
    public synchronized boolean remove(long id) {
        for (Iterator<QuarantinedPayload> it = entries.iterator(); it.hasNext(); ) {
            if (it.next().id() == id) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized long count(String source) {
        return source == null ? entries.size() : entries.stream().filter(p -> source.equals(p.source())).count();
    }

    /** Entries pushed out by newer ones since start. */
    public synchronized long dropped() {
        return dropped;
    }
}
