package io.millwright.store.derby.internal.trouble;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.machine.MachineEvent;
import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.TestDerby;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, made by a file size limit on a separate JVM: appends fail with a message naming the
 * database and saying the disk is full, the writer neither crashes nor hangs, and once the limit is
 * gone the database opens (Derby recovers) with every acknowledged batch in it exactly once.
 */
class DiskFullTest {

    /** Above Derby's 1 MB preallocated log file, so the database is made, then fills within seconds. */
    private static final long LIMIT_KB = 2_500;

    @TempDir
    Path dir;

    @Test
    void aFullDiskFailsAppendsByNameAndLosesNothingAcknowledged() throws Exception {
        Path db = dir.resolve("db");
        String full;
        long acknowledged;
        try (ChildJvm writer = ChildJvm.startWithFileSizeLimit(dir, LIMIT_KB, DiskFullWriter.class, db.toString())) {
            full = writer.awaitLine("FULL ", 60);
            assertThat(writer.exitCode(30)).as("the writer exits normally").isZero();
            acknowledged = writer.lines().stream().filter(l -> l.startsWith("ACK ")).count();
            assertThat(writer.lines()).noneMatch(l -> l.startsWith("UNEXPECTED"));
        }
        assertThat(acknowledged).as("batches stored before the disk was full").isPositive();
        assertThat(full).contains(db.toAbsolutePath().toString())
                .contains("cannot write to disk")
                .contains("the disk is full")
                .contains("writes again by itself");

        DerbyDatabase database = TestDerby.open(db);
        try {
            for (long n = 0; n < acknowledged; n++) {
                for (MachineEvent event : DiskFullWriter.batch(n)) {
                    assertThat(TestDerby.count(database.dataSource(),
                            "SELECT COUNT(*) FROM event_key WHERE event_key = ?", event.eventKey()))
                            .as("batch %d, %s", n, event.eventKey()).isEqualTo(1);
                }
            }
            // the batch that failed was rolled back whole: nothing beyond what was acknowledged
            assertThat(TestDerby.count(database.dataSource(), "SELECT COUNT(*) FROM state_change"))
                    .isEqualTo(acknowledged * DiskFullWriter.EVENTS_PER_BATCH);
            assertThat(TestDerby.count(database.dataSource(), "SELECT COUNT(*) FROM event_key"))
                    .isEqualTo(acknowledged * DiskFullWriter.EVENTS_PER_BATCH);
        } finally {
            TestDerby.shutdown(db);
        }
    }
}
