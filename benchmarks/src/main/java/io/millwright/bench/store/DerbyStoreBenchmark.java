package io.millwright.bench.store;

import io.millwright.api.machine.MachineEvent;
import io.millwright.api.store.MachineBatch;
import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.history.DerbyMachineStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable events per second through the Derby store ({@code DerbyMachineStore.append}): batches of
 * {@value #BATCH} mixed events of a 50-press plant per append (and of {@value #LARGE_BATCH}, as the
 * core appends when it catches up a backlog), beside the same kind of events appended one per
 * transaction. One operation is one event; every append has returned only after
 * Derby committed and synced its log (durability is Derby's default: the setup refuses
 * {@code derby.system.durability=test}). {@code mix} is {@code plant} (87 % count buckets, the rest
 * state changes and downtimes, see {@link PlantEventFeed}) or {@code counts} (count buckets only).
 * Run by {@code benchmarks/run-store-jmh.sh}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Derby's code paths take a while to compile: warm up for 15 s
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 4)
// the distribution's heap (bin/setenv)
@Fork(value = 1, jvmArgsAppend = {"-Xms128m", "-Xmx512m"})
public class DerbyStoreBenchmark {

    static final int BATCH = 500;
    /** What the core appends at once when it catches up a backlog (it appends all it holds). */
    static final int LARGE_BATCH = 5_000;
    static final int MACHINES = 50;

    /** A fresh Derby database in a temporary directory, and the plant that feeds it. */
    @State(Scope.Benchmark)
    public static class Store {
        @Param({"plant", "counts"})
        public String mix;

        Path dir;
        DerbyMachineStore store;
        PlantEventFeed feed;

        @Setup(Level.Trial)
        public void open() throws IOException {
            if (System.getProperty("derby.system.durability") != null) {
                throw new IllegalStateException("derby.system.durability is set: this benchmark measures durable"
                        + " commits, with Derby's default durability");
            }
            dir = Files.createTempDirectory("millwright-store-bench");
            store = new DerbyMachineStore(DerbyDatabase.open(dataSource(dir.resolve("db"), false)));
            feed = new PlantEventFeed(MACHINES, Instant.parse("2026-01-01T00:00:00Z"), "counts".equals(mix));
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            long stored = outboxEntries(store);
            System.out.printf("%n[store] %d events appended (%.1f %% count buckets), %d in the outbox, database %.0f MB"
                            + " in %s%n", feed.produced(), 100 * feed.countShare(), stored, megabytes(dir), dir);
            if (stored != feed.produced()) {
                throw new IllegalStateException("the outbox holds " + stored + " entries, but " + feed.produced()
                        + " distinct events were appended");
            }
            shutdown(dir.resolve("db"));
            delete(dir);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batched(Store s) {
        s.store.append(new MachineBatch(s.feed.next(BATCH), List.of()));
    }

    @Benchmark
    @OperationsPerInvocation(LARGE_BATCH)
    public void batchedLarge(Store s) {
        s.store.append(new MachineBatch(s.feed.next(LARGE_BATCH), List.of()));
    }

    @Benchmark
    public void oneByOne(Store s) {
        MachineEvent event = s.feed.next();
        s.store.append(new MachineBatch(List.of(event), List.of()));
    }

    static EmbeddedDataSource dataSource(Path db, boolean shutdown) {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(db.toAbsolutePath().toString());
        if (shutdown) {
            dataSource.setShutdownDatabase("shutdown");
        } else {
            dataSource.setCreateDatabase("create");
        }
        return dataSource;
    }

    private static long outboxEntries(DerbyMachineStore store) throws SQLException {
        try (Connection c = store.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT next_seq - 1 FROM outbox_sequence")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void shutdown(Path db) {
        try {
            dataSource(db, true).getConnection().close();
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot shut Derby down at " + db + ": " + e, e);
            }
        }
    }

    private static double megabytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1e6;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
