package io.millwright.store.derby.internal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.DowntimeStarted;
import io.millwright.api.machine.MachineEvent;
import io.millwright.api.machine.StateChanged;
import io.millwright.api.outbox.OutboxEntry;
import io.millwright.store.derby.internal.DerbyDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import io.millwright.store.derby.internal.history.DerbyMachineStore;
import io.millwright.store.derby.internal.TestDerby;
import io.millwright.store.derby.internal.outbox.DerbyOutbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: a separate JVM writes under load and is killed with SIGKILL at random points, ten
 * times over on the same database; after each kill every batch whose append had returned is there,
 * every event exactly once, in history and in the outbox.
 */
class CrashRecoveryTest {

    private static final int ROUNDS = 10;
    private static final int SIGKILL_EXIT = 128 + 9;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEventSurvivesKillNineExactlyOnce() throws Exception {
        Path db = dir.resolve("db");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Map<Integer, Long> acknowledged = new HashMap<>();
        int previousRun = -1;
        long previousLast = -1;
        long started = System.nanoTime();
        for (int run = 0; run < ROUNDS; run++) {
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dderby.stream.error.file=" + dir.resolve("derby-writer.log"),
                    CrashWriter.class.getName(), db.toString(), Integer.toString(run)));
            if (previousRun >= 0) {
                // the last acknowledged batch, and the one that may or may not have committed
                command.addAll(List.of(Integer.toString(previousRun), Long.toString(Math.max(0, previousLast)),
                        Long.toString(previousLast + 1)));
            }
            Process writer = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("writer.err").toFile()))
                    .start();
            List<String> lines = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> readLines(writer, lines));
            long spawned = System.nanoTime();
            waitForLine(lines, "OPEN", writer);
            long openMillis = (System.nanoTime() - spawned) / 1_000_000;
            if (previousRun >= 0) {
                acknowledged.merge(previousRun, previousLast + 1, Math::max);
            }
            long runMillis = 500 + random.nextInt(1_500);
            Thread.sleep(runMillis);

            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(SIGKILL_EXIT);
            reading.get(30, TimeUnit.SECONDS);

            long last = -1;
            List<String> printedKeys = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ", 3);
                    long n = Long.parseLong(parts[1]);
                    assertThat(n).isEqualTo(last + 1);
                    List<MachineEvent> batch = CrashLoad.batch(run, n);
                    assertThat(parts[2]).isEqualTo(batch.get(batch.size() - 1).eventKey());
                    printedKeys.add(parts[2]);
                    last = n;
                }
            }
            if (last >= 0) {
                acknowledged.put(run, last);
            }
            long checking = System.nanoTime();
            int entries = verify(db, acknowledged, printedKeys);
            System.out.printf("[crash] run %d: writer open after %d ms, killed %d ms later, %d batches acknowledged;"
                    + " reopened and checked in %d ms: outbox %d entries, each once%n", run, openMillis, runMillis,
                    last + 1, (System.nanoTime() - checking) / 1_000_000, entries);
            previousRun = run;
            previousLast = last;
        }
        System.out.printf("[crash] %d kill -9 rounds in %.1f s (seed %d)%n", ROUNDS,
                (System.nanoTime() - started) / 1e9, seed);
        assertThat(acknowledged.values().stream().mapToLong(n -> n + 1).sum()).as("batches acknowledged")
                .isPositive();
    }

    /** What the checks have read of the outbox so far: every entry is read once, the counts are redone each time. */
    private static final class Seen {
        final Map<String, Integer> keys = new HashMap<>();
        final Map<Class<?>, Long> perType = new HashMap<>();
        long lastSequence;
    }

    private final Seen seen = new Seen();

    /**
     * Reopens the database the killed writer left, checks it and shuts it down; returns the outbox
     * size. The outbox is read on from where the last check stopped, so every entry is read once over
     * the rounds, and its total is checked against the sequence numbers and the history tables.
     */
    private int verify(Path db, Map<Integer, Long> acknowledged, List<String> printedKeys) {
        DerbyDatabase database = TestDerby.open(db);
        try {
            DerbyOutbox outbox = new DerbyOutbox(database);
            for (List<OutboxEntry> page = outbox.peek(seen.lastSequence, DerbyOutbox.MAX_READ); !page.isEmpty();
                 page = outbox.peek(seen.lastSequence, DerbyOutbox.MAX_READ)) {
                for (OutboxEntry entry : page) {
                    assertThat(entry.sequence()).isEqualTo(++seen.lastSequence);
                    assertThat(seen.keys.merge(entry.eventKey(), 1, Integer::sum)).as("outbox entries of %s",
                            entry.eventKey()).isEqualTo(1);
                    seen.perType.merge(typeOf(entry.topic()), 1L, Long::sum);
                }
            }
            // nothing read in earlier rounds went missing: the chunks still hold 1..last, no more, no less
            assertThat(rows(database, "SELECT MIN(first_seq) FROM outbox")).isEqualTo(1);
            assertThat(rows(database, "SELECT SUM(last_seq - first_seq + 1) FROM outbox"))
                    .isEqualTo(seen.lastSequence);
            for (Map.Entry<Integer, Long> run : acknowledged.entrySet()) {
                for (long n = 0; n <= run.getValue(); n++) {
                    for (MachineEvent event : CrashLoad.batch(run.getKey(), n)) {
                        assertThat(seen.keys).as("run %d batch %d", run.getKey(), n).containsKey(event.eventKey());
                    }
                }
            }
            // history holds each event of the outbox once: same transaction, and as many rows as entries
            Map<Class<?>, Long> perType = seen.perType;
            assertThat(storedBuckets(database))
                    .isEqualTo(perType.getOrDefault(CountRecorded.class, 0L));
            assertThat(rows(database, "SELECT COUNT(*) FROM state_change"))
                    .isEqualTo(perType.getOrDefault(StateChanged.class, 0L));
            assertThat(rows(database, "SELECT COUNT(*) FROM downtime"))
                    .isEqualTo(perType.getOrDefault(DowntimeStarted.class, 0L));
            assertThat(rows(database, "SELECT COUNT(*) FROM event_key"))
                    .isEqualTo(seen.keys.size() - perType.getOrDefault(CountRecorded.class, 0L));
            for (String key : printedKeys) {
                assertThat(rows(database, "SELECT COUNT(*) FROM event_key WHERE event_key = ?", key))
                        .as("rows of printed key %s", key).isEqualTo(1);
            }
            return seen.keys.size();
        } finally {
            TestDerby.shutdown(db);
        }
    }

    private static Class<?> typeOf(String topic) {
        return switch (topic) {
            case CountRecorded.TOPIC -> CountRecorded.class;
            case StateChanged.TOPIC -> StateChanged.class;
            case DowntimeStarted.TOPIC -> DowntimeStarted.class;
            default -> Object.class;
        };
    }

    /** Every count bucket in the (packed) count blocks, read back through the store's own query. */
    private static long storedBuckets(DerbyDatabase database) {
        DerbyMachineStore store = new DerbyMachineStore(database);
        long buckets = 0;
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet machines = s.executeQuery("SELECT machine_id FROM machine")) {
            while (machines.next()) {
                buckets += store.counts(machines.getString(1), Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"))
                        .size();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return buckets;
    }

    private static long rows(DerbyDatabase database, String query, Object... parameters) {
        return TestDerby.count(database.dataSource(), query, parameters);
    }

    private static void readLines(Process process, List<String> into) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                into.add(line);
            }
        } catch (IOException e) {
            // the pipe closes when the process is killed; what was read is what was printed
        }
    }

    private static void waitForLine(List<String> lines, String expected, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!lines.contains(expected)) {
            if (!process.isAlive()) {
                throw new AssertionError("the writer exited with " + process.exitValue() + " before " + expected
                        + "; see writer.err");
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("the writer did not print " + expected + " within 60 s");
            }
            Thread.sleep(10);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
