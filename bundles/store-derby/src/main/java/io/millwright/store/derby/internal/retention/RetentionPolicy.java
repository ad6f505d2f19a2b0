package io.millwright.store.derby.internal.retention;

import java.time.Duration;
import java.util.Optional;

/**
 * How long each kind of data is kept; {@code null} keeps it forever. Event keys are kept as long as
 * the longest of the four machine history classes (forever when any one is), so a replayed event is
 * still recognised while anything of it is kept; tag history has nothing to do with them.
 */
public record RetentionPolicy(Duration stateChanges, Duration downtimes, Duration counts,
                              Duration deliveredOutbox, Duration tagHistory) {

    public RetentionPolicy {
        for (Duration d : new Duration[] {stateChanges, downtimes, counts, deliveredOutbox, tagHistory}) {
            if (d != null && (d.isNegative() || d.isZero())) {
                throw new IllegalArgumentException("a retention period must be positive, not " + d);
            }
        }
    }

    /** Each class in days. */
    public static RetentionPolicy days(int stateChanges, int downtimes, int counts, int deliveredOutbox,
                                       int tagHistory) {
        return new RetentionPolicy(Duration.ofDays(stateChanges), Duration.ofDays(downtimes),
                Duration.ofDays(counts), Duration.ofDays(deliveredOutbox), Duration.ofDays(tagHistory));
    }

    /** How long {@code dataClass} is kept; empty for forever. */
    public Optional<Duration> keep(DataClass dataClass) {
        return switch (dataClass) {
            case STATE_CHANGES -> Optional.ofNullable(stateChanges);
            case DOWNTIMES -> Optional.ofNullable(downtimes);
            case COUNTS -> Optional.ofNullable(counts);
            case DELIVERED_OUTBOX -> Optional.ofNullable(deliveredOutbox);
            case TAG_HISTORY -> Optional.ofNullable(tagHistory);
            case EVENT_KEYS -> eventKeys();
        };
    }

    private Optional<Duration> eventKeys() {
        if (stateChanges == null || downtimes == null || counts == null || deliveredOutbox == null) {
            return Optional.empty();
        }
        Duration longest = stateChanges;
        for (Duration d : new Duration[] {downtimes, counts, deliveredOutbox}) {
            if (d.compareTo(longest) > 0) {
                longest = d;
            }
        }
        return Optional.of(longest);
    }
}
