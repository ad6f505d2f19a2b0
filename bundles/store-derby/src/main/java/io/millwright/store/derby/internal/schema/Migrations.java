package io.millwright.store.derby.internal.schema;

import io.millwright.store.derby.internal.history.CountBucketPacker;
import java.util.List;

/**
 * Every schema step, oldest first. Times are BIGINT epoch milliseconds (UTC); durations are BIGINT
 * nanoseconds. A released migration is never edited: change the schema by adding the next one.
 */
public final class Migrations {

    /** Every table and index of the first release. */
    public static final Migration V1 = new Migration(1, "history, checkpoints, outbox", List.of(
            // every machine ever seen: retention walks the history machine by machine, along the
            // (machine, time) indexes the queries use, so no table needs a second index on time alone
            "CREATE TABLE machine (machine_id VARCHAR(128) NOT NULL PRIMARY KEY, first_seen BIGINT NOT NULL)",

            // idempotency of every event but counts (whose key is count_bucket's primary key); t (event
            // time) lets retention forget old keys. For a key this wide Derby would pick 32 KB index
            // pages, which made each insert several times dearer: 4 KB pages hold the longest key too
            "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.pageSize', '4096')",
            "CREATE TABLE event_key (event_key VARCHAR(700) NOT NULL PRIMARY KEY, t BIGINT NOT NULL)",
            "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.pageSize', NULL)",
            "CREATE INDEX event_key_t ON event_key (t)",

            // id breaks ties between changes in the same millisecond; the descending index serves both
            // the window and "the last change before it" without a sort of the machine's history
            "CREATE TABLE state_change (id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " machine_id VARCHAR(128) NOT NULL, t BIGINT NOT NULL,"
                    + " state_from VARCHAR(16), state_to VARCHAR(16) NOT NULL)",
            "CREATE INDEX state_change_machine_t ON state_change (machine_id, t DESC, id DESC)",

            // end_t is NULL while the stop lasts; a window's downtimes are those ending after its start
            "CREATE TABLE downtime (id VARCHAR(256) NOT NULL PRIMARY KEY, machine_id VARCHAR(128) NOT NULL,"
                    + " start_t BIGINT NOT NULL, end_t BIGINT, state VARCHAR(16) NOT NULL,"
                    + " reason_code VARCHAR(128), reason_set_by VARCHAR(128), reason_set_at BIGINT,"
                    + " minor_stop BOOLEAN NOT NULL)",
            "CREATE INDEX downtime_machine_end ON downtime (machine_id, end_t)",
            // a split open stop: its end, which names the original id, belongs to the last part
            "CREATE TABLE downtime_tail (downtime_id VARCHAR(256) NOT NULL PRIMARY KEY,"
                    + " tail_id VARCHAR(256) NOT NULL)",
            "CREATE INDEX downtime_tail_tail ON downtime_tail (tail_id)",
            // every reason a downtime was given: who, when, before and after
            "CREATE TABLE downtime_reason_history (id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " downtime_id VARCHAR(256) NOT NULL, machine_id VARCHAR(128) NOT NULL,"
                    + " set_at BIGINT NOT NULL, set_by VARCHAR(128) NOT NULL,"
                    + " reason_before VARCHAR(128), reason_after VARCHAR(128) NOT NULL)",
            "CREATE INDEX downtime_reason_history_downtime ON downtime_reason_history (downtime_id, id)",

            // the bulk of the data (a row per machine per minute): one index only, its primary key, which
            // is also the bucket's event key (machine:count:t:product)
            "CREATE TABLE count_bucket (machine_id VARCHAR(128) NOT NULL, t BIGINT NOT NULL,"
                    + " product VARCHAR(256) NOT NULL, total BIGINT NOT NULL, rejects BIGINT NOT NULL,"
                    + " ideal_cycle_ns BIGINT NOT NULL, PRIMARY KEY (machine_id, t, product))",

            "CREATE TABLE product_change (id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " machine_id VARCHAR(128) NOT NULL, t BIGINT NOT NULL, previous_product VARCHAR(256),"
                    + " product VARCHAR(256) NOT NULL, ideal_cycle_ns BIGINT NOT NULL)",
            "CREATE INDEX product_change_machine_t ON product_change (machine_id, t, id)",

            "CREATE TABLE machine_checkpoint (machine_id VARCHAR(128) NOT NULL PRIMARY KEY, t BIGINT NOT NULL,"
                    + " state VARCHAR(16) NOT NULL, state_since BIGINT NOT NULL, open_downtime_id VARCHAR(256),"
                    + " product VARCHAR(256) NOT NULL, ideal_cycle_ns BIGINT NOT NULL)",
            "CREATE TABLE checkpoint_counter (machine_id VARCHAR(128) NOT NULL, counter VARCHAR(64) NOT NULL,"
                    + " baseline BIGINT NOT NULL, PRIMARY KEY (machine_id, counter))",

            // the outbox in chunks: entries first_seq..last_seq (one sequence number per event, no gaps),
            // their JSON payloads one per line, deflated; a row per ~150 events keeps batched appends fast.
            // stored_at (store clock) ages delivered chunks, whatever the device clocks said
            "CREATE TABLE outbox (last_seq BIGINT NOT NULL PRIMARY KEY, first_seq BIGINT NOT NULL,"
                    + " stored_at BIGINT NOT NULL, entries VARCHAR(32672) FOR BIT DATA NOT NULL)",
            // the next sequence number; its row lock also keeps concurrent appends in sequence order
            "CREATE TABLE outbox_sequence (id SMALLINT NOT NULL PRIMARY KEY, next_seq BIGINT NOT NULL)",
            "INSERT INTO outbox_sequence (id, next_seq) VALUES (1, 1)",
            "CREATE TABLE outbox_cursor (consumer VARCHAR(128) NOT NULL PRIMARY KEY, seq BIGINT NOT NULL,"
                    + " updated_at BIGINT NOT NULL)"));

    /** Which downtime a part was split from, so a split can be traced back (NULL for unsplit stops). */
    public static final Migration V2 = new Migration(2, "downtime.split_from", List.of(
            "ALTER TABLE downtime ADD COLUMN split_from VARCHAR(256)"));

    /**
     * Count buckets packed an hour per row ({@link io.millwright.store.derby.internal.history.CountBlock}):
     * a batched append then writes about a row per machine, not a row per bucket. The primary key
     * is the only index, as for count_bucket before it.
     */
    public static final Migration V3 = new Migration(3, "count buckets packed by machine and hour", List.of(
            "CREATE TABLE count_block (machine_id VARCHAR(128) NOT NULL, hour_t BIGINT NOT NULL,"
                    + " buckets VARCHAR(32672) FOR BIT DATA NOT NULL, PRIMARY KEY (machine_id, hour_t))"),
            CountBucketPacker::pack);

    /**
     * Per-tag history of historized tags, written on change by the tag historian: a row per kept
     * sample. Numbers (and booleans, as 0/1) in num_value; strings (and booleans, as true/false) in
     * text_value; both NULL for a sample that carried no value. The (device_id, tag, t) index serves
     * the window query and retention; no primary key, no other index, so an insert costs one index
     * entry.
     */
    public static final Migration V4 = new Migration(4, "per-tag history", List.of(
            "CREATE TABLE tag_history (device_id VARCHAR(256) NOT NULL, tag VARCHAR(512) NOT NULL,"
                    + " t BIGINT NOT NULL, num_value DOUBLE, text_value VARCHAR(1024), quality VARCHAR(16) NOT NULL,"
                    + " reason VARCHAR(512))",
            "CREATE INDEX tag_history_device_tag_t ON tag_history (device_id, tag, t)"));

    /**
     * Derby's automatic index statistics off: its background job recompiled the append statements
     * again and again as the tables grew (measured: 15-20 % of batched append throughput). Every
     * query here is an equality on the leading columns of the one index made for it, which the
     * optimizer picks without statistics; MonthOfHistoryTest guards the query times.
     */
    public static final Migration V5 = new Migration(5, "automatic index statistics off", List.of(
            "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.indexStats.auto', 'false')"));

    /** Payloads drivers could not use, kept until replayed or removed (newest first by source). */
    public static final Migration V6 = new Migration(6, "quarantine", List.of(
            "CREATE TABLE quarantine (id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " quarantined_at BIGINT NOT NULL, source VARCHAR(256) NOT NULL, topic VARCHAR(1024) NOT NULL,"
                    + " reason VARCHAR(1024) NOT NULL, payload BLOB(16M) NOT NULL)",
            "CREATE INDEX quarantine_source_id ON quarantine (source, id)"));

    /** All of them, in order: what {@link io.millwright.store.derby.internal.DerbyDatabase#open} applies. */
    public static final List<Migration> ALL = List.of(V1, V2, V3, V4, V5, V6);

    private Migrations() {
    }
}
