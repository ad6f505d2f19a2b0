package io.millwright.store.derby.internal.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.DowntimeEnded;
import io.millwright.api.machine.DowntimeSplit;
import io.millwright.api.machine.DowntimeStarted;
import io.millwright.api.machine.MachineEvent;
import io.millwright.api.machine.MachineState;
import io.millwright.api.machine.ProductChanged;
import io.millwright.api.machine.ReasonSet;
import io.millwright.api.machine.StateChanged;
import io.millwright.api.outbox.OutboxEntry;
import io.millwright.api.store.DowntimeRecord;
import io.millwright.api.store.MachineBatch;
import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.MutableClock;
import io.millwright.store.derby.internal.TestDerby;
import io.millwright.store.derby.internal.history.DerbyMachineStore;
import io.millwright.store.derby.internal.outbox.DerbyOutbox;
import io.millwright.store.derby.internal.taghistory.DerbyTagHistory;
import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionPurgerTest {

    private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final RetentionPolicy FIVE_DAYS = RetentionPolicy.days(5, 5, 5, 5, 5);

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T);
    private DerbyDatabase database;
    private DerbyMachineStore store;
    private DerbyOutbox outbox;
    private RetentionPurger purger;

    @BeforeEach
    void open() {
        database = TestDerby.open(dir.resolve("db"));
        store = new DerbyMachineStore(database, clock);
        outbox = new DerbyOutbox(database, clock);
        // small batches, so that a few hundred rows take many transactions
        purger = new RetentionPurger(database, clock, 7);
    }

    @AfterEach
    void close() {
        TestDerby.shutdown(dir.resolve("db"));
    }

    private void append(MachineEvent... events) {
        store.append(new MachineBatch(List.of(events), List.of()));
    }

    private long rows(String table) {
        return TestDerby.count(database.dataSource(), "SELECT COUNT(*) FROM " + table);
    }

    @Test
    void historyOlderThanItsRetentionGoesAndTheRestStays() {
        List<MachineEvent> events = new ArrayList<>();
        for (int hour = 0; hour < 240; hour++) {
            for (String machine : List.of("m1", "m2")) {
                events.add(new CountRecorded(machine, T.plus(Duration.ofHours(hour)), 60, 1, "P", Duration.ofSeconds(1)));
            }
        }
        for (int day = 0; day < 10; day++) {
            events.add(new StateChanged("m1", T.plus(DAY.multipliedBy(day)), MachineState.RUNNING, MachineState.IDLE));
            events.add(new ProductChanged("m1", T.plus(DAY.multipliedBy(day)), "P", "Q", Duration.ofSeconds(1)));
        }
        store.append(new MachineBatch(events, List.of()));
        clock.set(T.plus(DAY.multipliedBy(10)));

        Map<DataClass, Long> deleted = purger.purge(new RetentionPolicy(Duration.ofDays(5), Duration.ofDays(5),
                Duration.ofDays(5), null, null));

        // older than day 5: counts of hours 0..119 of both machines, and product changes of days 0..4
        assertThat(deleted).containsEntry(DataClass.COUNTS, 2 * 120L + 5)
                .containsEntry(DataClass.STATE_CHANGES, 5L)
                .containsEntry(DataClass.DOWNTIMES, 0L)
                .containsEntry(DataClass.DELIVERED_OUTBOX, 0L)
                // the outbox is kept forever here, so the keys are too
                .containsEntry(DataClass.EVENT_KEYS, 0L);
        assertThat(store.counts("m1", T, clock.instant())).hasSize(120)
                .allMatch(c -> !c.time().isBefore(T.plus(DAY.multipliedBy(5))));
        assertThat(store.counts("m2", T, clock.instant())).hasSize(120);
        // the last change before the window is gone with its day, the rest stays
        assertThat(store.stateChanges("m1", T, clock.instant())).hasSize(5);
        assertThat(rows("product_change")).isEqualTo(5);
        assertThat(rows("event_key")).isEqualTo(20);

        assertThat(purger.purge(FIVE_DAYS)).containsEntry(DataClass.COUNTS, 0L)
                .containsEntry(DataClass.STATE_CHANGES, 0L).containsEntry(DataClass.EVENT_KEYS, 10L);
    }

    @Test
    void closedDowntimesGoWithTheirReasonsOpenOnesStay() {
        append(new DowntimeStarted("m1", T, "old", MachineState.DOWN, "JAM"),
                new ReasonSet("m1", T.plusSeconds(60), "old", "JAM", "MOTOR", "anna"),
                new DowntimeEnded("m1", T.plusSeconds(600), "old", MachineState.DOWN, null, Duration.ofSeconds(600), false),
                new DowntimeStarted("m1", T.plusSeconds(700), "open", MachineState.DOWN, null),
                new DowntimeStarted("m1", T.plus(DAY.multipliedBy(8)), "recent", MachineState.IDLE, null),
                new DowntimeEnded("m1", T.plus(DAY.multipliedBy(8)).plusSeconds(5), "recent", MachineState.IDLE, null,
                        Duration.ofSeconds(5), true));
        clock.set(T.plus(DAY.multipliedBy(10)));

        assertThat(purger.purge(FIVE_DAYS)).containsEntry(DataClass.DOWNTIMES, 1L);
        assertThat(store.downtime("old")).isEmpty();
        assertThat(store.reasonHistory("old")).isEmpty();
        assertThat(store.downtimes("m1", T, clock.instant())).extracting(DowntimeRecord::id)
                .containsExactly("open", "recent");
    }

    @Test
    void anOpenStopSplitLongAgoStillEndsInItsLastPart() {
        append(new DowntimeStarted("m1", T, "d1", MachineState.DOWN, null),
                new DowntimeSplit("m1", T.plusSeconds(7200), "d1", T.plusSeconds(3600), "d1.x", "anna"));
        clock.set(T.plus(DAY.multipliedBy(10)));
        purger.purge(FIVE_DAYS);

        // the first part ended (at the split) long ago and is gone; the open part stays
        assertThat(store.downtime("d1")).isEmpty();
        append(new DowntimeEnded("m1", clock.instant(), "d1", MachineState.DOWN, null, Duration.ofDays(10), false));
        assertThat(store.downtime("d1.x")).hasValueSatisfying(d -> assertThat(d.end()).isEqualTo(clock.instant()));
    }

    @Test
    void outboxEntriesGoOnlyOnceEveryConsumerHasThemAndTheyAreOld() {
        for (int i = 0; i < 6; i++) {
            append(new CountRecorded("m1", T.plusSeconds(60L * i), 1, 0, "", Duration.ofSeconds(1)));
        }
        clock.set(T.plus(DAY.multipliedBy(9)));
        for (int i = 6; i < 10; i++) {
            append(new CountRecorded("m1", T.plusSeconds(60L * i), 1, 0, "", Duration.ofSeconds(1)));
        }
        outbox.acknowledge("erp", 10);
        outbox.acknowledge("mail", 4);
        clock.set(T.plus(DAY.multipliedBy(10)));

        // with retention 5 days: 1..6 are old, but mail has only 1..4
        assertThat(purger.purge(FIVE_DAYS)).containsEntry(DataClass.DELIVERED_OUTBOX, 4L);
        assertThat(outbox.read("mail", 100)).extracting(OutboxEntry::sequence)
                .containsExactly(5L, 6L, 7L, 8L, 9L, 10L);
        // a consumer seen for the first time starts at the oldest entry kept
        assertThat(outbox.read("uplink", 100)).extracting(OutboxEntry::sequence).first().isEqualTo(5L);
        assertThat(outbox.depth("uplink")).isEqualTo(6);

        outbox.acknowledge("mail", 10);
        outbox.acknowledge("uplink", 10);
        // 5 and 6 are delivered and old; 7..10 are delivered but recent
        assertThat(purger.purge(FIVE_DAYS)).containsEntry(DataClass.DELIVERED_OUTBOX, 2L);
        assertThat(outbox.peek(0, 100)).extracting(OutboxEntry::sequence).containsExactly(7L, 8L, 9L, 10L);

        clock.set(T.plus(DAY.multipliedBy(20)));
        assertThat(purger.purge(FIVE_DAYS)).containsEntry(DataClass.DELIVERED_OUTBOX, 4L);
        assertThat(outbox.peek(0, 100)).isEmpty();
        assertThat(outbox.depth("erp")).isZero();
        // after everything was purged, new entries and new consumers go on from the next sequence
        append(new CountRecorded("m1", clock.instant(), 1, 0, "", Duration.ofSeconds(1)));
        assertThat(outbox.read("late", 10)).extracting(OutboxEntry::sequence).containsExactly(11L);
        assertThat(outbox.read("erp", 10)).extracting(OutboxEntry::sequence).containsExactly(11L);
    }

    @Test
    void withNoConsumerKnownNothingLeavesTheOutbox() {
        for (int i = 0; i < 20; i++) {
            append(new CountRecorded("m1", T.plusSeconds(60L * i), 1, 0, "", Duration.ofSeconds(1)));
        }
        clock.set(T.plus(DAY.multipliedBy(100)));
        assertThat(purger.purge(FIVE_DAYS)).containsEntry(DataClass.DELIVERED_OUTBOX, 0L);
        assertThat(outbox.depth("erp")).isEqualTo(20);
    }

    @Test
    void tagHistoryOlderThanItsRetentionGoesSeriesBySeriesAndNothingElse() {
        List<Sample> samples = new ArrayList<>();
        for (String device : List.of("press01", "press02", "press10")) {
            for (String tag : List.of("temp", "pressure", "recipe")) {
                for (int hour = 0; hour < 240; hour += 4) {
                    long t = T.plus(Duration.ofHours(hour)).toEpochMilli();
                    samples.add(Sample.ofDouble(device, tag, hour, Quality.GOOD, null, t, t));
                }
            }
        }
        new DerbyTagHistory(database).write(samples);
        append(new StateChanged("m1", T, MachineState.RUNNING, MachineState.IDLE));
        clock.set(T.plus(DAY.multipliedBy(10)));

        Map<DataClass, Long> deleted = purger.purge(new RetentionPolicy(null, null, null, null, Duration.ofDays(3)));

        // days 0..6 go: hours 0..164 in steps of 4 (42 values) in each of the 9 series; machine history stays
        assertThat(deleted).containsEntry(DataClass.TAG_HISTORY, 9 * 42L).containsEntry(DataClass.STATE_CHANGES, 0L);
        assertThat(rows("tag_history")).isEqualTo(9 * 18L);
        assertThat(rows("state_change")).isEqualTo(1);
        DerbyTagHistory history = new DerbyTagHistory(database);
        assertThat(history.history("press10", "recipe", T, clock.instant()))
                .hasSize(18).allMatch(p -> !p.time().isBefore(T.plus(DAY.multipliedBy(7))));
        assertThat(purger.purge(new RetentionPolicy(null, null, null, null, Duration.ofDays(3))))
                .containsEntry(DataClass.TAG_HISTORY, 0L);
        // kept forever when no retention is set
        clock.set(T.plus(DAY.multipliedBy(1000)));
        assertThat(purger.purge(new RetentionPolicy(null, null, null, null, null)))
                .containsEntry(DataClass.TAG_HISTORY, 0L);
        assertThat(rows("tag_history")).isEqualTo(9 * 18L);
    }

    @Test
    void eventKeysAreKeptAsLongAsTheLongestRetention() {
        assertThat(RetentionPolicy.days(1, 30, 7, 14, 365).keep(DataClass.EVENT_KEYS)).contains(Duration.ofDays(30));
        assertThat(new RetentionPolicy(Duration.ofDays(1), null, Duration.ofDays(7), Duration.ofDays(1), Duration.ofDays(1))
                .keep(DataClass.EVENT_KEYS)).isEmpty();
    }
}
