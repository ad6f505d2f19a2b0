package io.millwright.driver.mqtt.internal;

import io.millwright.api.quarantine.Quarantine;
import io.millwright.api.quarantine.QuarantinedPayload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** A plain map-backed quarantine standing in for the store's service. */
public final class TestQuarantine implements Quarantine {

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, QuarantinedPayload> entries = new ConcurrentSkipListMap<>();

    @Override
    public long put(String source, String topic, String reason, byte[] payload) {
        long id = ids.incrementAndGet();
        entries.put(id, new QuarantinedPayload(id, Instant.now(), source, topic, reason, payload.clone()));
        return id;
    }

    @Override
    public List<QuarantinedPayload> list(String source, int max) {
        List<QuarantinedPayload> out = new ArrayList<>();
        for (QuarantinedPayload p : entries.values()) {
            if (source == null || source.equals(p.source())) {
                out.add(0, p);
            }
        }
        return out.subList(0, Math.min(max, out.size()));
    }

    @Override
    public Optional<QuarantinedPayload> get(long id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public boolean remove(long id) {
        return entries.remove(id) != null;
    }

    @Override
    public long count(String source) {
        return list(source, Integer.MAX_VALUE).size();
    }
}
