package io.millwright.api.quarantine;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Keeps payloads that could not be used. The store provides the durable one; the core keeps a
 * bounded in-memory one for plants without a store. Drivers call {@link #put} off their receive
 * path's happy case only, so it may block briefly (one insert).
 */
@ProviderType
public interface Quarantine {

    /** Keeps the payload; returns its id. Never throws for a payload's content. */
    long put(String source, String topic, String reason, byte[] payload);

    /** The newest {@code max} entries of {@code source} (all sources when null), newest first. */
    List<QuarantinedPayload> list(String source, int max);

    Optional<QuarantinedPayload> get(long id);

    /** Removes an entry (replayed, or judged worthless); false when there was none. */
    boolean remove(long id);

    /** How many entries of {@code source} (all when null) are kept. */
    long count(String source);
}
