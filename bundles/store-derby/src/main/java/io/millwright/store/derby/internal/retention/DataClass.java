package io.millwright.store.derby.internal.retention;

/** The kinds of stored data retention ages separately. */
public enum DataClass {
    /** {@code state_change} rows, by the change's time. */
    STATE_CHANGES,
    /** Closed {@code downtime} rows (with their reason history and split links), by their end; open stops are kept. */
    DOWNTIMES,
    /** {@code count_bucket} rows and {@code product_change} rows, by their time. */
    COUNTS,
    /** Outbox entries every known consumer has acknowledged, by when they were stored (counted in entries). */
    DELIVERED_OUTBOX,
    /** Idempotency keys, kept as long as the longest of the other classes. */
    EVENT_KEYS
}
