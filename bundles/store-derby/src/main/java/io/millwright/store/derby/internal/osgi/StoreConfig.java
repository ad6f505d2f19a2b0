package io.millwright.store.derby.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The store's retention and backups: {@code etc/io.millwright.store.cfg}. */
@ObjectClassDefinition(name = "Millwright store", description = "Retention per data class and scheduled backups")
public @interface StoreConfig {

    @AttributeDefinition(min = "1", description = "Days of state changes to keep")
    int stateChangesDays() default 400;

    @AttributeDefinition(min = "1", description = "Days of closed downtimes (with their reason history) to keep")
    int downtimesDays() default 730;

    @AttributeDefinition(min = "1", description = "Days of count buckets and product changes to keep")
    int countsDays() default 400;

    @AttributeDefinition(min = "1", description = "Days to keep outbox entries every consumer acknowledged; undelivered ones are never purged")
    int deliveredOutboxDays() default 7;

    @AttributeDefinition(min = "1", description = "Days of per-tag history (tags marked historized) to keep")
    int tagHistoryDays() default 30;

    @AttributeDefinition(min = "1", description = "Minutes between retention purges")
    int purgeIntervalMinutes() default 60;

    @AttributeDefinition(description = "Where backups go; empty for ${karaf.data}/millwright/backups")
    String backupDirectory() default "";

    @AttributeDefinition(min = "0", description = "Hours between scheduled backups; 0 for none")
    int backupIntervalHours() default 24;

    @AttributeDefinition(min = "1", description = "How many backups to keep")
    int backupKeep() default 7;

    @AttributeDefinition(description = "Outbox depth above which millwright:health warns")
    int outboxWarnDepth() default 10_000;

    @AttributeDefinition(min = "1", description = "Seconds between attempts to open the database while it cannot be"
            + " opened (in use by another process, disk full, damaged)")
    int openRetrySeconds() default 10;

    @AttributeDefinition(min = "100", description = "Milliseconds between writes of the buffered tag history")
    int tagHistoryFlushMillis() default 1_000;

    @AttributeDefinition(min = "1", description = "Tag history samples held in memory between writes; beyond it"
            + " samples are dropped, counted and reported by millwright:health")
    int tagHistoryBuffer() default 50_000;

    @AttributeDefinition(min = "1", description = "Quarantined payloads kept per source (driver connection);"
            + " beyond it the oldest go, counted")
    int quarantinePerSource() default 10_000;
}
