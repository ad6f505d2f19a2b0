package io.millwright.driver.mqtt.internal;

import io.millwright.api.quarantine.Quarantine;
import io.millwright.api.quarantine.QuarantinedPayload;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The quarantine the driver writes to: the {@link Quarantine} service, or memory while none is
 * bound or it refuses (the store's database is away), so that {@link #put} never loses a payload.
 * What memory holds moves to the service, oldest first, as soon as the service takes it again.
 * Reads go to wherever the entries are now: the service once memory is empty, else memory.
 */
final class HoldingQuarantine implements Quarantine {

    private final Supplier<Quarantine> service;
    private final MemoryQuarantine held;
    private volatile String refusal;

    HoldingQuarantine(Supplier<Quarantine> service, int capacity) {
        this.service = service;
        this.held = new MemoryQuarantine(capacity);
    }

    @Override
    public long put(String source, String topic, String reason, byte[] payload) {
        Quarantine q = reachable();
        if (q != null) {
            try {
                return q.put(source, topic, reason, payload);
            } catch (RuntimeException e) {
                refused(e);
            }
        }
        return held.put(source, topic, reason, payload);
    }

    @Override
    public List<QuarantinedPayload> list(String source, int max) {
        return current().list(source, max);
    }

    @Override
    public Optional<QuarantinedPayload> get(long id) {
        return current().get(id);
    }

    @Override
    public boolean remove(long id) {
        return current().remove(id);
    }

    @Override
    public long count(String source) {
        return current().count(source);
    }

    /** Where entries are read from now, in words for the shell and health; null when it is the service. */
    String heldBecause() {
        if (reachable() != null) {
            return null;
        }
        if (service.get() == null) {
            return "no Quarantine service is bound";
        }
        return "the Quarantine service refused: " + refusal;
    }

    /** Payloads pushed out of memory by newer ones since start (memory is bounded). */
    long dropped() {
        return held.dropped();
    }

    private Quarantine current() {
        Quarantine q = reachable();
        return q != null ? q : held;
    }

    /** The service, after moving what memory holds into it; null when there is none or it refused. */
    private Quarantine reachable() {
        Quarantine q = service.get();
        if (q == null) {
            return null;
        }
        synchronized (held) {
            List<QuarantinedPayload> waiting = held.list(null, Integer.MAX_VALUE);
            for (int i = waiting.size() - 1; i >= 0; i--) {
                QuarantinedPayload p = waiting.get(i);
                try {
                    q.put(p.source(), p.topic(), p.reason(), p.payload());
                } catch (RuntimeException e) {
                    refused(e);
                    return null;
                }
                held.remove(p.id());
            }
        }
        return q;
    }

    private void refused(RuntimeException e) {
        refusal = e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
