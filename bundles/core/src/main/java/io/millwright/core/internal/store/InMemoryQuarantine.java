package io.millwright.core.internal.store;

import io.millwright.api.quarantine.Quarantine;
import io.millwright.api.quarantine.QuarantinedPayload;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * A quarantine in memory, for plants without a store: the newest {@code capacity} payloads,
 * oldest dropped first and counted. Lost on restart (docs/store.md); install the store to keep them.
 */
public class InMemoryQuarantine implements Quarantine {

    private final int capacity;
    private final Clock clock;
    private final LinkedHashMap<Long, QuarantinedPayload> entries = new LinkedHashMap<>();
    private long nextId = 1;
    private long dropped;

    public InMemoryQuarantine(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public synchronized long put(String source, String topic, String reason, byte[] payload) {
        long id = nextId++;
        entries.put(id, new QuarantinedPayload(id, Instant.ofEpochMilli(clock.millis()), String.valueOf(source),
                String.valueOf(topic), String.valueOf(reason), payload.clone()));
        Iterator<Long> oldest = entries.keySet().iterator();
        while (entries.size() > capacity) {
            oldest.next();
            oldest.remove();
            dropped++;
        }
        return id;
    }

    @Override
    public synchronized List<QuarantinedPayload> list(String source, int max) {
        List<QuarantinedPayload> newestFirst = new ArrayList<>();
        List<QuarantinedPayload> all = new ArrayList<>(entries.values());
        for (int i = all.size() - 1; i >= 0 && newestFirst.size() < max; i--) {
            QuarantinedPayload entry = all.get(i);
            if (source == null || source.equals(entry.source())) {
                newestFirst.add(entry);
            }
        }
        return newestFirst;
    }

    @Override
    public synchronized Optional<QuarantinedPayload> get(long id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public synchronized boolean remove(long id) {
        return entries.remove(id) != null;
    }

    @Override
    public synchronized long count(String source) {
        if (source == null) {
            return entries.size();
        }
        return entries.values().stream().filter(e -> source.equals(e.source())).count();
    }

    /** Payloads pushed out by newer ones since start. */
    public synchronized long dropped() {
        return dropped;
    }
}
