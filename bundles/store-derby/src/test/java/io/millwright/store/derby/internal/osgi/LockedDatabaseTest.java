package io.millwright.store.derby.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import io.millwright.api.machine.MachineState;
import io.millwright.api.machine.StateChanged;
import io.millwright.api.store.MachineBatch;
import io.millwright.api.store.MachineStoreException;
import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.DerbyFailure;
import io.millwright.store.derby.internal.DerbyStoreException;
import io.millwright.store.derby.internal.TestDerby;
import io.millwright.store.derby.internal.schema.Migrations;
import io.millwright.store.derby.internal.trouble.TroubleJvm;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second process holding the database (another Millwright on the same folder): opening fails with
 * the path and the reason, the store component reports it in health and fails appends (so the core
 * holds events in memory), and opens by itself once the other process has gone.
 */
class LockedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseHeldByAnotherProcessIsReportedAndOpensByItselfWhenFreed() throws Exception {
        Path db = dir.resolve("db");
        String path = db.toAbsolutePath().toString();
        try (TroubleJvm holder = TroubleJvm.holdDatabase(dir, db)) {
            assertThatThrownBy(() -> DerbyDatabase.open(TestDerby.dataSource(db), path, Migrations.ALL))
                    .isInstanceOfSatisfying(DerbyStoreException.class,
                            e -> assertThat(e.kind()).isEqualTo(DerbyFailure.Kind.IN_USE))
                    .hasMessageStartingWith("Derby store at " + path + ": opening the database failed")
                    .hasMessageContaining("open in another process (another Millwright instance")
                    .hasMessageContaining("SQLState XSDB6");

            DerbyStoreComponent store = new DerbyStoreComponent();
            store.bindDataSource(TestDerby.dataSource(db), Map.of("url", "jdbc:derby:" + path + ";create=true"));
            store.activate(new TestStoreConfig(1));
            try {
                List<HealthFinding> findings = store.check();
                assertThat(findings).hasSize(1);
                assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
                assertThat(findings.get(0).subject()).isEqualTo("store " + path);
                assertThat(findings.get(0).message()).contains("open in another process", path,
                        "trying again every 1 s", "the core holds machine events in memory");
                MachineBatch batch = new MachineBatch(List.of(new StateChanged("m1", Instant.ofEpochMilli(1),
                        MachineState.RUNNING, MachineState.IDLE)), List.of());
                assertThatThrownBy(() -> store.append(batch)).isInstanceOf(MachineStoreException.class)
                        .hasMessageContaining(path).hasMessageContaining("open in another process");
                assertThat(store.database()).isEmpty();

                assertThat(holder.release()).as("the holder exits normally").isZero();

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (store.database().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(store.database()).as("opened by itself after the holder left").isPresent();
                assertThat(store.check()).isEmpty();
                store.append(batch);
                assertThat(store.stateChanges("m1", Instant.EPOCH, Instant.ofEpochMilli(10))).hasSize(1);
                assertThat(store.location()).isEqualTo(path);
            } finally {
                store.deactivate();
                TestDerby.shutdown(db);
            }
        }
    }

    @Test
    void theDatabasePathIsTakenFromTheDataSourceConfiguration() {
        assertThat(DerbyStoreComponent.configuredLocation(Map.of("url", "jdbc:derby:/opt/mw/data/millwright/db;create=true")))
                .isEqualTo("/opt/mw/data/millwright/db");
        assertThat(DerbyStoreComponent.configuredLocation(Map.of("databaseName", "/x/db"))).isEqualTo("/x/db");
        assertThat(DerbyStoreComponent.configuredLocation(Map.of())).isNull();
    }
}
