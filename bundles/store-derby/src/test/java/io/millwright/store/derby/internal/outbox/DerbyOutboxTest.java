package io.millwright.store.derby.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.MachineEvent;
import io.millwright.api.machine.MachineState;
import io.millwright.api.machine.StateChanged;
import io.millwright.api.outbox.OutboxEntry;
import io.millwright.api.store.MachineBatch;
import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.TestDerby;
import io.millwright.store.derby.internal.history.DerbyMachineStore;
import io.millwright.store.derby.internal.json.EventJson;
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

class DerbyOutboxTest {

    private static final Instant T = Instant.parse("2026-11-24T06:00:00Z");

    @TempDir
    Path dir;
    private Path db;
    private DerbyMachineStore store;
    private DerbyOutbox outbox;

    @BeforeEach
    void open() {
        db = dir.resolve("db");
        reopen(false);
    }

    @AfterEach
    void close() {
        TestDerby.shutdown(db);
    }

    private void reopen(boolean shutdownFirst) {
        if (shutdownFirst) {
            TestDerby.shutdown(db);
        }
        DerbyDatabase database = TestDerby.open(db);
        store = new DerbyMachineStore(database);
        outbox = new DerbyOutbox(database);
    }

    private List<MachineEvent> counts(String machine, int n) {
        List<MachineEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(new CountRecorded(machine, T.plusSeconds(60L * i), i, 0, "P-1", Duration.ofSeconds(1)));
        }
        return events;
    }

    private void append(List<MachineEvent> events) {
        store.append(new MachineBatch(events, List.of()));
    }

    @Test
    void entriesComeInAppendOrderWithGaplessSequencesAndTheEventAsJson() {
        List<MachineEvent> events = new ArrayList<>(counts("m1", 3));
        events.add(1, new StateChanged("m1", T.plusSeconds(30), MachineState.RUNNING, MachineState.IDLE));
        append(events);
        append(counts("m2", 2));

        List<OutboxEntry> entries = outbox.read("erp", 100);
        assertThat(entries).extracting(OutboxEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(entries.subList(0, 4)).extracting(e -> EventJson.fromJson(e.payload())).isEqualTo(events);
        OutboxEntry state = entries.get(1);
        assertThat(state.eventKey()).isEqualTo(events.get(1).eventKey());
        assertThat(state.topic()).isEqualTo(StateChanged.TOPIC);
        assertThat(state.machineId()).isEqualTo("m1");
        assertThat(state.time()).isEqualTo(T.plusSeconds(30));
    }

    @Test
    void aLargeBatchSpansChunksAndReadsBackWhole() {
        List<MachineEvent> events = counts("m1", 3_000);
        append(events);
        List<OutboxEntry> entries = new ArrayList<>();
        for (List<OutboxEntry> page = outbox.read("erp", 700); !page.isEmpty(); page = outbox.read("erp", 700)) {
            entries.addAll(page);
            outbox.acknowledge("erp", page.get(page.size() - 1).sequence());
        }
        assertThat(entries).extracting(e -> EventJson.fromJson(e.payload())).isEqualTo(events);
        assertThat(TestDerby.count(TestDerby.dataSource(db), "SELECT COUNT(*) FROM outbox")).isGreaterThan(3);
    }

    @Test
    void eachConsumerHasItsOwnCursor() {
        append(counts("m1", 10));
        assertThat(outbox.read("erp", 4)).extracting(OutboxEntry::sequence).containsExactly(1L, 2L, 3L, 4L);
        outbox.acknowledge("erp", 4);
        outbox.acknowledge("mail", 7);
        assertThat(outbox.read("erp", 3)).extracting(OutboxEntry::sequence).containsExactly(5L, 6L, 7L);
        assertThat(outbox.read("mail", 100)).extracting(OutboxEntry::sequence).containsExactly(8L, 9L, 10L);
        // reading without acknowledging moves nothing
        assertThat(outbox.read("erp", 1)).extracting(OutboxEntry::sequence).containsExactly(5L);
        assertThat(outbox.cursors()).isEqualTo(Map.of("erp", 4L, "mail", 7L));
    }

    @Test
    void depthIsWhatTheConsumerHasNotAcknowledged() {
        assertThat(outbox.depth("erp")).isZero();
        append(counts("m1", 10));
        assertThat(outbox.depth("erp")).isEqualTo(10);
        outbox.acknowledge("erp", 6);
        assertThat(outbox.depth("erp")).isEqualTo(4);
        assertThat(outbox.depth("never-seen")).isEqualTo(10);
        assertThat(outbox.cursors()).containsOnlyKeys("erp");
    }

    @Test
    void acknowledgingBackwardsIsIgnored() {
        append(counts("m1", 5));
        outbox.acknowledge("erp", 4);
        outbox.acknowledge("erp", 2);
        assertThat(outbox.cursors()).containsEntry("erp", 4L);
        assertThat(outbox.read("erp", 10)).extracting(OutboxEntry::sequence).containsExactly(5L);
    }

    @Test
    void acknowledgingPastTheNewestEntryIsRefused() {
        append(counts("m1", 5));
        assertThatThrownBy(() -> outbox.acknowledge("erp", 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("consumer erp acknowledged outbox entry 6")
                .hasMessageContaining("ends at 5");
        assertThat(outbox.depth("erp")).isEqualTo(5);
    }

    @Test
    void acknowledgementsSurviveAReopen() {
        append(counts("m1", 5));
        outbox.acknowledge("erp", 3);
        reopen(true);
        assertThat(outbox.cursors()).containsEntry("erp", 3L);
        assertThat(outbox.read("erp", 10)).extracting(OutboxEntry::sequence).containsExactly(4L, 5L);
        append(counts("m2", 1));
        assertThat(outbox.read("erp", 10)).extracting(OutboxEntry::sequence).containsExactly(4L, 5L, 6L);
    }

    @Test
    void aConsumerReadingWhileTwoThreadsAppendSeesEveryEntryOnceInOrder() throws Exception {
        int batches = 40;
        List<Thread> writers = new ArrayList<>();
        for (String machine : List.of("w1", "w2")) {
            writers.add(new Thread(() -> {
                for (int b = 0; b < batches; b++) {
                    List<MachineEvent> events = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        events.add(new CountRecorded(machine, T.plusSeconds(60L * (b * 25 + i)), 1, 0, "",
                                Duration.ofSeconds(1)));
                    }
                    append(events);
                }
            }, "append-" + machine));
        }
        writers.forEach(Thread::start);
        List<OutboxEntry> seen = new ArrayList<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (seen.size() < 2 * batches * 25 && System.nanoTime() < deadline) {
            List<OutboxEntry> page = outbox.read("erp", 97);
            if (page.isEmpty()) {
                Thread.sleep(1);
            } else {
                seen.addAll(page);
                outbox.acknowledge("erp", page.get(page.size() - 1).sequence());
            }
        }
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(seen).extracting(OutboxEntry::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 2 * batches * 25).boxed().toList());
        assertThat(seen).extracting(OutboxEntry::eventKey).doesNotHaveDuplicates();
        assertThat(outbox.depth("erp")).isZero();
    }

    @Test
    void repeatedEventsAreNotSentTwiceEvenAfterAReopen() {
        List<MachineEvent> events = new ArrayList<>(counts("m1", 3));
        events.add(new StateChanged("m1", T, MachineState.RUNNING, MachineState.IDLE));
        append(events);
        append(events);
        reopen(true);
        append(events);
        assertThat(outbox.read("erp", 100)).extracting(OutboxEntry::eventKey)
                .containsExactlyElementsOf(events.stream().map(MachineEvent::eventKey).toList());
        assertThat(store.counts("m1", T, T.plusSeconds(3600))).hasSize(3);
        assertThat(store.stateChanges("m1", T, T.plusSeconds(3600))).hasSize(1);
    }
}
