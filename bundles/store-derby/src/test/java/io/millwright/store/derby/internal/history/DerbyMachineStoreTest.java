package io.millwright.store.derby.internal.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.millwright.api.store.MachineCheckpoint;
import io.millwright.api.store.MachineStoreException;
import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.TestDerby;
import io.millwright.store.derby.internal.outbox.DerbyOutbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's semantics on real Derby, mirroring InMemoryMachineStoreTest. One database for the
 * class (creating one takes a while); each test uses its own machine and downtime ids.
 */
class DerbyMachineStoreTest {

    private static final Instant T = Instant.parse("2026-11-24T06:00:00Z");
    private static final Duration CYCLE = Duration.ofMillis(850);

    @TempDir
    static Path dir;
    static DerbyDatabase database;
    static DerbyMachineStore store;

    private String m;

    @BeforeAll
    static void open() {
        database = TestDerby.open(dir.resolve("db"));
        store = new DerbyMachineStore(database);
    }

    @AfterAll
    static void close() {
        TestDerby.shutdown(dir.resolve("db"));
    }

    @org.junit.jupiter.api.BeforeEach
    void machine(TestInfo test) {
        m = test.getTestMethod().orElseThrow().getName();
    }

    private void append(MachineEvent... events) {
        store.append(new MachineBatch(List.of(events), List.of()));
    }

    private static List<OutboxEntry> outboxOf(String machineId) {
        return new DerbyOutbox(database).peek(0, DerbyOutbox.MAX_READ).stream()
                .filter(e -> e.machineId().equals(machineId)).toList();
    }

    private String id(String name) {
        return m + "-" + name;
    }

    @Test
    void repeatedEventsAreStoredOnce() {
        CountRecorded count = new CountRecorded(m, T, 10, 1, "", Duration.ofSeconds(1));
        append(count);
        append(count);
        append(count, count);
        assertThat(store.counts(m, T, T.plusSeconds(60))).containsExactly(count);
        assertThat(outboxOf(m)).extracting(OutboxEntry::eventKey).containsExactly(count.eventKey());
    }

    @Test
    void aBatchOfManyEventsIsStoredInOrder() {
        List<MachineEvent> events = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            events.add(new CountRecorded(m, T.plusSeconds(60L * i), i, 0, "P-1", CYCLE));
        }
        store.append(new MachineBatch(events, List.of()));
        assertThat(store.counts(m, T, T.plusSeconds(60L * 2_500))).isEqualTo(events);
    }

    @Test
    void stateChangesIncludeTheOneBeforeTheWindow() {
        append(new StateChanged(m, T, MachineState.OFFLINE, MachineState.RUNNING),
                new StateChanged(m, T.plusSeconds(600), MachineState.RUNNING, MachineState.IDLE));
        assertThat(store.stateChanges(m, T.plusSeconds(60), T.plusSeconds(3600)))
                .extracting(StateChanged::current).containsExactly(MachineState.RUNNING, MachineState.IDLE);
    }

    @Test
    void stateChangesAreOnlyTheLastBeforeAndThoseInsideTheWindow() {
        append(new StateChanged(m, T, null, MachineState.RUNNING),
                new StateChanged(m, T.plusSeconds(10), MachineState.RUNNING, MachineState.IDLE),
                new StateChanged(m, T.plusSeconds(10), MachineState.IDLE, MachineState.DOWN),
                new StateChanged(m, T.plusSeconds(100), MachineState.DOWN, MachineState.RUNNING),
                new StateChanged(m, T.plusSeconds(200), MachineState.RUNNING, MachineState.OFFLINE));
        // two changes in the same millisecond: the later one appended is the last before the window
        assertThat(store.stateChanges(m, T.plusSeconds(50), T.plusSeconds(200)))
                .extracting(StateChanged::current).containsExactly(MachineState.DOWN, MachineState.RUNNING);
        assertThat(store.stateChanges(m, T.minusSeconds(10), T.plusSeconds(10)))
                .containsExactly(new StateChanged(m, T, null, MachineState.RUNNING));
        assertThat(store.stateChanges("no-such-machine", T, T.plusSeconds(10))).isEmpty();
    }

    @Test
    void aStartWithAReasonIsSetByTheFaultCodeRule() {
        append(new DowntimeStarted(m, T, id("d1"), MachineState.DOWN, "MECH.JAM"),
                new DowntimeStarted(m, T.plusSeconds(60), id("d2"), MachineState.IDLE, null));
        DowntimeRecord coded = store.downtime(id("d1")).orElseThrow();
        assertThat(coded).isEqualTo(new DowntimeRecord(id("d1"), m, T, null, MachineState.DOWN, "MECH.JAM",
                "rule:fault-code", T, false));
        DowntimeRecord uncoded = store.downtime(id("d2")).orElseThrow();
        assertThat(uncoded.reasonCode()).isNull();
        assertThat(uncoded.reasonSetBy()).isNull();
        assertThat(uncoded.reasonSetAt()).isNull();
    }

    @Test
    void reasonSetKeepsWhoAndWhen() {
        append(new DowntimeStarted(m, T, id("d1"), MachineState.DOWN, "MECH.JAM"));
        append(new ReasonSet(m, T.plusSeconds(300), id("d1"), "MECH.JAM", "ELEC.MOTOR", "anna"));
        DowntimeRecord record = store.downtime(id("d1")).orElseThrow();
        assertThat(record.reasonCode()).isEqualTo("ELEC.MOTOR");
        assertThat(record.reasonSetBy()).isEqualTo("anna");
        assertThat(record.reasonSetAt()).isEqualTo(T.plusSeconds(300));
    }

    @Test
    void everyReasonChangeIsKeptWithWhoWhenBeforeAndAfter() {
        append(new DowntimeStarted(m, T, id("d1"), MachineState.DOWN, "MECH.JAM"),
                new ReasonSet(m, T.plusSeconds(300), id("d1"), "MECH.JAM", "ELEC.MOTOR", "anna"));
        append(new ReasonSet(m, T.plusSeconds(900), id("d1"), "ELEC.MOTOR", "ELEC.SENSOR", "bob"));
        assertThat(store.reasonHistory(id("d1"))).containsExactly(
                new ReasonChange(id("d1"), m, T, "rule:fault-code", null, "MECH.JAM"),
                new ReasonChange(id("d1"), m, T.plusSeconds(300), "anna", "MECH.JAM", "ELEC.MOTOR"),
                new ReasonChange(id("d1"), m, T.plusSeconds(900), "bob", "ELEC.MOTOR", "ELEC.SENSOR"));
    }

    @Test
    void aReasonForAnUnknownDowntimeChangesNothing() {
        append(new ReasonSet(m, T, id("ghost"), null, "X", "anna"));
        assertThat(store.downtime(id("ghost"))).isEmpty();
        assertThat(store.reasonHistory(id("ghost"))).isEmpty();
    }

    @Test
    void anEndClosesTheStopAndMarksAMinorOne() {
        append(new DowntimeStarted(m, T, id("d1"), MachineState.IDLE, null),
                new DowntimeEnded(m, T.plusSeconds(3), id("d1"), MachineState.IDLE, null, Duration.ofSeconds(3), true),
                new DowntimeStarted(m, T.plusSeconds(60), id("d2"), MachineState.DOWN, null),
                new DowntimeEnded(m, T.plusSeconds(600), id("d2"), MachineState.DOWN, null, Duration.ofSeconds(540),
                        false));
        assertThat(store.downtime(id("d1")).orElseThrow()).extracting(DowntimeRecord::end, DowntimeRecord::minorStop)
                .containsExactly(T.plusSeconds(3), true);
        assertThat(store.downtime(id("d2")).orElseThrow()).extracting(DowntimeRecord::end, DowntimeRecord::minorStop)
                .containsExactly(T.plusSeconds(600), false);
    }

    @Test
    void splitOfAnOpenStopLetsItsEndCloseTheSecondPart() {
        append(new DowntimeStarted(m, T, id("d1"), MachineState.DOWN, "MECH.JAM"));
        append(new DowntimeSplit(m, T.plusSeconds(200), id("d1"), T.plusSeconds(120), id("d1.x"), "anna"));
        append(new ReasonSet(m, T.plusSeconds(210), id("d1.x"), "MECH.JAM", "CHG.TOOL", "anna"));
        append(new DowntimeEnded(m, T.plusSeconds(300), id("d1"), MachineState.DOWN, null, Duration.ofSeconds(300),
                false));

        List<DowntimeRecord> parts = store.downtimes(m, T, T.plusSeconds(600));
        assertThat(parts).extracting(DowntimeRecord::id).containsExactly(id("d1"), id("d1.x"));
        assertThat(parts.get(0).end()).isEqualTo(T.plusSeconds(120));
        assertThat(parts.get(0).reasonCode()).isEqualTo("MECH.JAM");
        assertThat(parts.get(1).start()).isEqualTo(T.plusSeconds(120));
        assertThat(parts.get(1).end()).isEqualTo(T.plusSeconds(300));
        assertThat(parts.get(1).reasonCode()).isEqualTo("CHG.TOOL");
        assertThat(store.reasonHistory(id("d1.x"))).extracting(ReasonChange::setBy, ReasonChange::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("anna", "MECH.JAM"),
                        org.assertj.core.groups.Tuple.tuple("anna", "CHG.TOOL"));
    }

    @Test
    void anOpenStopSplitTwiceIsEndedInItsLastPart() {
        append(new DowntimeStarted(m, T, id("d1"), MachineState.DOWN, null),
                new DowntimeSplit(m, T.plusSeconds(200), id("d1"), T.plusSeconds(100), id("d1.a"), "anna"),
                new DowntimeSplit(m, T.plusSeconds(250), id("d1.a"), T.plusSeconds(150), id("d1.b"), "anna"),
                new DowntimeEnded(m, T.plusSeconds(300), id("d1"), MachineState.DOWN, null, Duration.ofSeconds(300),
                        false));
        assertThat(store.downtimes(m, T, T.plusSeconds(600)))
                .extracting(DowntimeRecord::id, DowntimeRecord::start, DowntimeRecord::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id("d1"), T, T.plusSeconds(100)),
                        org.assertj.core.groups.Tuple.tuple(id("d1.a"), T.plusSeconds(100), T.plusSeconds(150)),
                        org.assertj.core.groups.Tuple.tuple(id("d1.b"), T.plusSeconds(150), T.plusSeconds(300)));
    }

    @Test
    void splitOfAClosedStopKeepsBothEnds() {
        append(new DowntimeStarted(m, T, id("d1"), MachineState.DOWN, "MECH.JAM"),
                new DowntimeEnded(m, T.plusSeconds(300), id("d1"), MachineState.DOWN, null, Duration.ofSeconds(300),
                        false),
                new DowntimeSplit(m, T.plusSeconds(400), id("d1"), T.plusSeconds(100), id("d1.x"), "anna"));
        assertThat(store.downtime(id("d1")).orElseThrow().end()).isEqualTo(T.plusSeconds(100));
        assertThat(store.downtime(id("d1.x")).orElseThrow()).isEqualTo(new DowntimeRecord(id("d1.x"), m,
                T.plusSeconds(100), T.plusSeconds(300), MachineState.DOWN, "MECH.JAM", "rule:fault-code", T, false));
        assertThat(TestDerby.count(database.dataSource(), "SELECT COUNT(*) FROM downtime WHERE split_from = ?",
                id("d1"))).isEqualTo(1);
    }

    @Test
    void downtimesOverlappingTheWindowOpenIncludedOldestFirst() {
        append(new DowntimeStarted(m, T, id("before"), MachineState.DOWN, null),
                new DowntimeEnded(m, T.plusSeconds(50), id("before"), MachineState.DOWN, null, Duration.ofSeconds(50),
                        false),
                new DowntimeStarted(m, T.plusSeconds(90), id("across"), MachineState.IDLE, null),
                new DowntimeEnded(m, T.plusSeconds(150), id("across"), MachineState.IDLE, null,
                        Duration.ofSeconds(60), false),
                new DowntimeStarted(m, T.plusSeconds(500), id("after"), MachineState.DOWN, null),
                new DowntimeEnded(m, T.plusSeconds(550), id("after"), MachineState.DOWN, null,
                        Duration.ofSeconds(50), false),
                new DowntimeStarted(m, T.plusSeconds(300), id("open"), MachineState.DOWN, null));
        assertThat(store.downtimes(m, T.plusSeconds(100), T.plusSeconds(400))).extracting(DowntimeRecord::id)
                .containsExactly(id("across"), id("open"));
        assertThat(store.downtimes(m, T.plusSeconds(600), T.plusSeconds(700))).extracting(DowntimeRecord::id)
                .containsExactly(id("open"));
        // a window ending exactly at a start, or starting exactly at an end, does not overlap
        assertThat(store.downtimes(m, T.plusSeconds(50), T.plusSeconds(90))).isEmpty();
    }

    @Test
    void countsAreTheBucketsStartingInTheWindow() {
        List<MachineEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(new CountRecorded(m, T.plusSeconds(60L * i), 100 + i, i, i < 5 ? "P-1" : "P-2", CYCLE));
        }
        store.append(new MachineBatch(events, List.of()));
        assertThat(store.counts(m, T.plusSeconds(120), T.plusSeconds(300))).isEqualTo(events.subList(2, 5));
        assertThat(store.counts(m, T.plusSeconds(121), T.plusSeconds(180))).isEmpty();
    }

    @Test
    void productChangesAreKept() {
        append(new ProductChanged(m, T, "", "P-7", Duration.ofMillis(1200)));
        assertThat(TestDerby.count(database.dataSource(),
                "SELECT COUNT(*) FROM product_change WHERE machine_id = ? AND product = 'P-7' AND ideal_cycle_ns = ?",
                m, 1_200_000_000L)).isEqualTo(1);
    }

    @Test
    void theLatestCheckpointReplacesTheOneBefore() {
        MachineCheckpoint first = new MachineCheckpoint(m, T, MachineState.DOWN, T, id("d1"),
                Map.of("total", 100L, "reject", 3L, "good", 97L), "P-1", CYCLE);
        MachineCheckpoint second = new MachineCheckpoint(m, T.plusSeconds(60), MachineState.RUNNING,
                T.plusSeconds(30), null, Map.of("total", 150L), "P-2", Duration.ofMillis(900));
        assertThat(store.checkpoint(m)).isEmpty();
        store.append(new MachineBatch(List.of(), List.of(first)));
        assertThat(store.checkpoint(m)).contains(first);
        store.append(new MachineBatch(List.of(new CountRecorded(m, T, 50, 0, "P-2", CYCLE)), List.of(second)));
        assertThat(store.checkpoint(m)).contains(second);
    }

    @Test
    void theLongestIdsFitTheirColumnsAndKeys() {
        String machine = (m + "-").repeat(20).substring(0, 128);
        String first = "d".repeat(256);
        String second = "e".repeat(256);
        DowntimeSplit split = new DowntimeSplit(machine, T.plusSeconds(60), first, T.plusSeconds(30), second,
                "u".repeat(128));
        assertThat(split.eventKey()).hasSizeGreaterThan(640);
        append(new DowntimeStarted(machine, T, first, MachineState.DOWN, "r".repeat(128)), split);
        append(split);
        assertThat(store.downtimes(machine, T, T.plusSeconds(600))).extracting(DowntimeRecord::id)
                .containsExactly(first, second);
        assertThat(outboxOf(machine)).hasSize(2);
    }

    @Test
    void aFailingBatchStoresNothingAndNamesTheDatabase() {
        String tooLong = "m".repeat(300);
        MachineBatch batch = new MachineBatch(List.of(new CountRecorded(m, T, 1, 0, "", CYCLE),
                new CountRecorded(tooLong, T, 1, 0, "", CYCLE)), List.of());
        assertThatThrownBy(() -> store.append(batch)).isInstanceOf(MachineStoreException.class)
                .hasMessageContaining(dir.resolve("db").toAbsolutePath().toString());
        assertThat(store.counts(m, T, T.plusSeconds(60))).isEmpty();
        assertThat(outboxOf(m)).isEmpty();
        store.append(new MachineBatch(batch.events().subList(0, 1), List.of()));
        assertThat(store.counts(m, T, T.plusSeconds(60))).hasSize(1);
    }
}
