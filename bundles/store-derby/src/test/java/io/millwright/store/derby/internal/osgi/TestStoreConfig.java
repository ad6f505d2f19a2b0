package io.millwright.store.derby.internal.osgi;

import java.lang.annotation.Annotation;

/** The store's configuration with its defaults, but for the retry interval a test sets. */
final class TestStoreConfig implements StoreConfig {

    private final int openRetrySeconds;

    TestStoreConfig(int openRetrySeconds) {
        this.openRetrySeconds = openRetrySeconds;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return StoreConfig.class;
    }

    @Override
    public int stateChangesDays() {
        return 400;
    }

    @Override
    public int downtimesDays() {
        return 730;
    }

    @Override
    public int countsDays() {
        return 400;
    }

    @Override
    public int deliveredOutboxDays() {
        return 7;
    }

    @Override
    public int tagHistoryDays() {
        return 30;
    }

    @Override
    public int purgeIntervalMinutes() {
        return 60;
    }

    @Override
    public String backupDirectory() {
        return "";
    }

    @Override
    public int backupIntervalHours() {
        return 0;
    }

    @Override
    public int backupKeep() {
        return 7;
    }

    @Override
    public int outboxWarnDepth() {
        return 10_000;
    }

    @Override
    public int openRetrySeconds() {
        return openRetrySeconds;
    }

    @Override
    public int tagHistoryFlushMillis() {
        return 1_000;
    }

    @Override
    public int tagHistoryBuffer() {
        return 1_000;
    }

    @Override
    public int quarantinePerSource() {
        return 10_000;
    }
}
