package io.millwright.store.derby.internal.trouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.millwright.api.machine.MachineState;
import io.millwright.api.machine.StateChanged;
import io.millwright.api.store.MachineBatch;
import io.millwright.store.derby.internal.DatabaseOpener;
import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.DerbyFailure;
import io.millwright.store.derby.internal.DerbyStoreException;
import io.millwright.store.derby.internal.TestDerby;
import io.millwright.store.derby.internal.history.DerbyMachineStore;
import io.millwright.store.derby.internal.schema.Migrations;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged database fails to open, at once and every time, with the path and what to do. */
class CorruptDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aDamagedDatabaseIsNamedWithTheRestoreProcedureAndNeverLoops() throws Exception {
        Path db = dir.resolve("db");
        DerbyMachineStore store = new DerbyMachineStore(TestDerby.open(db));
        List<io.millwright.api.machine.MachineEvent> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            events.add(new StateChanged("m" + (i % 5), Instant.ofEpochMilli(i), MachineState.RUNNING, MachineState.IDLE));
        }
        store.append(new MachineBatch(events, List.of()));
        TestDerby.shutdown(db);
        damageEveryDataFile(db);

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThatThrownBy(() -> DerbyDatabase.open(TestDerby.dataSource(db), db.toString(), Migrations.ALL))
                        .isInstanceOfSatisfying(DerbyStoreException.class,
                                e -> assertThat(e.kind()).isEqualTo(DerbyFailure.Kind.DAMAGED))
                        .hasMessageContaining(db.toString())
                        .hasMessageContaining("is damaged")
                        .hasMessageContaining("restore the newest backup")
                        .hasMessageContaining(DerbyFailure.RESTORE_DOC)
                        // Derby's own words, first line only: no page dump
                        .hasMessageContaining("Invalid checksum")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Hex dump").hasSizeLessThan(1_000));
            }
            DatabaseOpener opener = new DatabaseOpener(TestDerby.dataSource(db), db.toString(), Migrations.ALL);
            assertThat(opener.attempt()).isFalse();
            assertThat(opener.failure()).hasValueSatisfying(e -> assertThat(e.getMessage()).contains("damaged"));
        });
    }

    /** Overwrites 1,000 bytes in the middle of every data file with a fixed pattern, as a bad disk sector would. */
    private static void damageEveryDataFile(Path db) throws IOException {
        byte[] garbage = new byte[1_000];
        Arrays.fill(garbage, (byte) 0x5A);
        try (Stream<Path> files = Files.list(db.resolve("seg0"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".dat")).toList()) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(garbage), channel.size() / 2 + 100);
                }
            }
        }
    }
}
