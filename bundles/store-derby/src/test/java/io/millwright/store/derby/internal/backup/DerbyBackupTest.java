package io.millwright.store.derby.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.MachineEvent;
import io.millwright.api.outbox.OutboxEntry;
import io.millwright.api.store.MachineBatch;
import io.millwright.api.store.MachineStoreException;
import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.MutableClock;
import io.millwright.store.derby.internal.TestDerby;
import io.millwright.store.derby.internal.history.DerbyMachineStore;
import io.millwright.store.derby.internal.outbox.DerbyOutbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerbyBackupTest {

    private static final Instant T = Instant.parse("2026-11-24T06:00:00Z");

    @TempDir
    Path dir;

    private static List<MachineEvent> batch(int n) {
        List<MachineEvent> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(new CountRecorded("m" + i % 5, T.plusSeconds(60L * (n * 50L + i)), 10, 1, "P",
                    Duration.ofSeconds(1)));
        }
        return events;
    }

    @Test
    void aBackupTakenWhileWritingHoldsEverythingAcknowledgedBeforeIt() throws Exception {
        Path db = dir.resolve("db");
        DerbyDatabase database = TestDerby.open(db);
        DerbyMachineStore store = new DerbyMachineStore(database);
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch writing = new CountDownLatch(20);
        Thread writer = new Thread(() -> {
            try {
                for (int n = 0; !stop.get(); n++) {
                    List<MachineEvent> events = batch(n);
                    store.append(new MachineBatch(events, List.of()));
                    events.forEach(e -> acknowledged.add(e.eventKey()));
                    writing.countDown();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "backup-test-writer");
        writer.start();
        assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();

        Set<String> before = new HashSet<>(acknowledged);
        Path backup = DerbyBackup.backup(database.dataSource(), dir.resolve("backups"), 3);
        int writtenDuringBackup = acknowledged.size() - before.size();
        stop.set(true);
        writer.join(30_000);
        assertThat(failure.get()).isNull();
        TestDerby.shutdown(db);

        Path restored = DerbyBackup.restore(backup, dir.resolve("restored"));
        DerbyDatabase copy = TestDerby.open(restored);
        Set<String> inCopy = outboxKeys(new DerbyOutbox(copy));
        for (int i = 0; i < 5; i++) {
            new DerbyMachineStore(copy).counts("m" + i, T, T.plus(Duration.ofDays(3650)))
                    .forEach(c -> assertThat(inCopy).contains(c.eventKey()));
        }
        System.out.printf("[backup] %d events acknowledged before the backup started, %d during it, %d in the copy%n",
                before.size(), writtenDuringBackup, inCopy.size());
        assertThat(inCopy).containsAll(before);
        TestDerby.shutdown(restored);
    }

    /** Every key in the outbox: a read returns at most a page, so read on until one comes back empty. */
    private static Set<String> outboxKeys(DerbyOutbox outbox) {
        Set<String> keys = new HashSet<>();
        long after = 0;
        for (List<OutboxEntry> page = outbox.peek(after, Integer.MAX_VALUE); !page.isEmpty();
                page = outbox.peek(after, Integer.MAX_VALUE)) {
            page.forEach(e -> keys.add(e.eventKey()));
            after = page.get(page.size() - 1).sequence();
        }
        return keys;
    }

    @Test
    void onlyTheNewestCopiesAreKept() throws Exception {
        Path db = dir.resolve("db");
        DerbyDatabase database = TestDerby.open(db);
        MutableClock clock = new MutableClock(T);
        Path target = dir.resolve("backups");
        Files.createDirectories(target.resolve("unrelated"));
        List<Path> made = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            made.add(DerbyBackup.backup(database.dataSource(), target, 2, clock));
            clock.advance(Duration.ofHours(1));
        }
        TestDerby.shutdown(db);
        assertThat(made.get(0).getFileName().toString()).isEqualTo("millwright-20261124-060000-000");
        assertThat(DerbyBackup.backups(target)).containsExactly(made.get(2), made.get(3));
        assertThat(target.resolve("unrelated")).isDirectory();
    }

    @Test
    void aRestoreNeverOverwrites() throws Exception {
        Path db = dir.resolve("db");
        DerbyDatabase database = TestDerby.open(db);
        Path backup = DerbyBackup.backup(database.dataSource(), dir.resolve("backups"), 1);
        TestDerby.shutdown(db);
        assertThatThrownBy(() -> DerbyBackup.restore(backup, db)).isInstanceOf(MachineStoreException.class)
                .hasMessageContaining("will not restore").hasMessageContaining(db.toString());
        assertThatThrownBy(() -> DerbyBackup.restore(dir.resolve("backups"), dir.resolve("x")))
                .hasMessageContaining("holds 0 Derby databases, expected exactly one");
    }
}
