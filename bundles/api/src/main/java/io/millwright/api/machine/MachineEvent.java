package io.millwright.api.machine;

import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Something that happened to a machine, as the core derived it. Events are stored with their
 * history and leave the platform through the outbox; {@link #eventKey()} lets the far side see
 * each one once even when delivery is repeated.
 */
@ProviderType
public interface MachineEvent {

    /** EventAdmin topic prefix; each event type appends its own name. */
    String TOPIC_PREFIX = "millwright/machine/";

    String machineId();

    /** When it happened, by the source (device) clock. */
    Instant time();

    /** The EventAdmin topic this event is published on. */
    String topic();

    /**
     * A stable idempotency key: the same event derived again (after a restart, say) has the same
     * key, so that a consumer can drop a repeat.
     */
    default String eventKey() {
        return machineId() + ":" + topic().substring(TOPIC_PREFIX.length()) + ":" + time().toEpochMilli();
    }
}
