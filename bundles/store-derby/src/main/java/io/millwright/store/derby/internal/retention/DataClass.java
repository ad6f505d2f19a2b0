package io.millwright.store.derby.internal.retention;

/** The kinds of stored data retention ages separately. */
public enum DataClass {
    /** {@code state_change} rows, by the change's time. */
    STATE_CHANGES,
    /** Closed {@code downtime} rows (with their reason history and split links), by their end; open stops are kept. */
    DOWNTIMES,
    /** Count buckets (hourly {@code count_block} rows, once the whole hour is older) and {@code product_change} rows. */
    COUNTS,
    /** Outbox entries every known consumer has acknowledged, by when they were stored (counted in entries). */
    DELIVERED_OUTBOX,
    /** Per-tag history ({@code tag_history} rows of historized tags), by the sample's time. */
    TAG_HISTORY,
    /** Idempotency keys, kept as long as the longest of the machine history classes. */
    EVENT_KEYS
}
