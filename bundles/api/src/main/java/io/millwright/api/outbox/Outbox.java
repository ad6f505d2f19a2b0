package io.millwright.api.outbox;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads the outbox in order for a named consumer ({@code erp-counts}, {@code notify-mail}, ...).
 * A consumer seen for the first time starts at the oldest entry still kept. Entries are never
 * pruned before every consumer has acknowledged them.
 */
@ProviderType
public interface Outbox {

    /** Up to {@code max} entries after the consumer's cursor, oldest first. */
    List<OutboxEntry> read(String consumer, int max);

    /**
     * Records that everything up to and including {@code sequence} reached the far side. Durable
     * when it returns. Acknowledging backwards is ignored.
     */
    void acknowledge(String consumer, long sequence);

    /** How many entries the consumer has not acknowledged yet. */
    long depth(String consumer);

    /** Every known consumer and the sequence it acknowledged last. */
    Map<String, Long> cursors();
}
