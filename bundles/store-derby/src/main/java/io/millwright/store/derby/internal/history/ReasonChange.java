package io.millwright.store.derby.internal.history;

import java.time.Instant;

/** One entry of a downtime's reason history: who gave it which reason when, and what it had before. */
public record ReasonChange(String downtimeId, String machineId, Instant setAt, String setBy, String before,
                           String after) {
}
