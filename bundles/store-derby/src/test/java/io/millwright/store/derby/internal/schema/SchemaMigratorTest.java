package io.millwright.store.derby.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.DowntimeSplit;
import io.millwright.api.store.MachineBatch;
import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.TestDerby;
import io.millwright.store.derby.internal.history.DerbyMachineStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigratorTest {

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("db");
    }

    @AfterEach
    void shutdown() {
        TestDerby.shutdown(db());
    }

    @Test
    void anEmptyDatabaseGetsEveryMigration() throws SQLException {
        DerbyDatabase database = TestDerby.open(db());
        assertThat(database.schemaVersion()).isEqualTo(Migrations.ALL.size());
        assertThat(versions(database.dataSource())).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(tables(database.dataSource())).doesNotContain("COUNT_BUCKET");
        assertThat(tables(database.dataSource())).contains("COUNT_BLOCK", "DOWNTIME", "DOWNTIME_REASON_HISTORY",
                "DOWNTIME_TAIL", "EVENT_KEY", "MACHINE", "MACHINE_CHECKPOINT", "CHECKPOINT_COUNTER", "OUTBOX",
                "OUTBOX_CURSOR", "OUTBOX_SEQUENCE", "PRODUCT_CHANGE", "SCHEMA_VERSION", "STATE_CHANGE", "TAG_HISTORY");
        // opening again applies nothing
        assertThat(TestDerby.open(db()).schemaVersion()).isEqualTo(6);
        assertThat(versions(database.dataSource())).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void aVersionOneDatabaseIsMigratedAndKeepsItsData() throws SQLException {
        DataSource dataSource = TestDerby.dataSource(db());
        assertThat(DerbyDatabase.open(dataSource, List.of(Migrations.V1)).schemaVersion()).isEqualTo(1);
        execute(dataSource, "INSERT INTO downtime (id, machine_id, start_t, end_t, state, minor_stop)"
                + " VALUES ('d1', 'm1', 1000, NULL, 'DOWN', FALSE)");
        assertThat(columns(dataSource, "DOWNTIME")).doesNotContain("SPLIT_FROM");
        TestDerby.shutdown(db());

        DerbyDatabase database = TestDerby.open(db());
        assertThat(database.schemaVersion()).isEqualTo(6);
        assertThat(versions(dataSource)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(columns(dataSource, "DOWNTIME")).contains("SPLIT_FROM");
        DerbyMachineStore store = new DerbyMachineStore(database);
        assertThat(store.downtime("d1")).hasValueSatisfying(d -> assertThat(d.isOpen()).isTrue());
        store.append(new MachineBatch(List.of(new DowntimeSplit("m1", Instant.ofEpochMilli(9000), "d1",
                Instant.ofEpochMilli(5000), "d1.x", "anna")), List.of()));
        assertThat(TestDerby.count(dataSource, "SELECT COUNT(*) FROM downtime WHERE split_from = 'd1'")).isEqualTo(1);
    }

    @Test
    void aVersionTwoDatabasesCountBucketsArePackedIntoHourlyBlocks() throws SQLException {
        DataSource dataSource = TestDerby.dataSource(db());
        DerbyDatabase.open(dataSource, List.of(Migrations.V1, Migrations.V2));
        // two machines, buckets in two hours (one across the hour boundary), two products in one minute
        execute(dataSource, "INSERT INTO count_bucket (machine_id, t, product, total, rejects, ideal_cycle_ns) VALUES"
                + " ('m1', 3540000, 'A', 10, 1, 900000000), ('m1', 3600000, 'A', 11, 0, 900000000),"
                + " ('m1', 3600000, 'B', 3, 0, 500000000), ('m2', 60000, 'A', 7, 2, 900000000)");
        TestDerby.shutdown(db());

        DerbyDatabase database = TestDerby.open(db());
        assertThat(database.schemaVersion()).isEqualTo(6);
        assertThat(tables(dataSource)).contains("COUNT_BLOCK").doesNotContain("COUNT_BUCKET");
        assertThat(TestDerby.count(dataSource, "SELECT COUNT(*) FROM count_block")).isEqualTo(3);
        DerbyMachineStore store = new DerbyMachineStore(database);
        assertThat(store.counts("m1", Instant.EPOCH, Instant.ofEpochMilli(7_200_000)))
                .extracting(c -> c.time().toEpochMilli() + " " + c.product() + " " + c.total() + "/" + c.rejects()
                        + " " + c.idealCycleTime().toMillis())
                .containsExactly("3540000 A 10/1 900", "3600000 A 11/0 900", "3600000 B 3/0 500");
        assertThat(store.counts("m2", Instant.EPOCH, Instant.ofEpochMilli(120_000))).hasSize(1);
        // a bucket packed by the migration is still found as stored before
        store.append(new MachineBatch(List.of(new CountRecorded("m1",
                Instant.ofEpochMilli(3_600_000), 99, 0, "A", Duration.ofMillis(900))), List.of()));
        assertThat(store.counts("m1", Instant.ofEpochMilli(3_600_000), Instant.ofEpochMilli(3_600_001)))
                .extracting(c -> c.total()).containsExactly(11L, 3L);
    }

    @Test
    void aVersionThreeDatabaseGetsTheTagHistoryTableWithItsOneIndex() throws SQLException {
        DataSource dataSource = TestDerby.dataSource(db());
        DerbyDatabase.open(dataSource, List.of(Migrations.V1, Migrations.V2, Migrations.V3));
        execute(dataSource, "INSERT INTO state_change (machine_id, t, state_from, state_to) VALUES ('m1', 1, NULL, 'IDLE')");
        assertThat(tables(dataSource)).doesNotContain("TAG_HISTORY");
        TestDerby.shutdown(db());

        DerbyDatabase database = TestDerby.open(db());
        assertThat(database.schemaVersion()).isEqualTo(6);
        assertThat(versions(dataSource)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(columns(dataSource, "TAG_HISTORY")).containsExactly("DEVICE_ID", "TAG", "T", "NUM_VALUE",
                "TEXT_VALUE", "QUALITY", "REASON");
        assertThat(indexes(dataSource, "TAG_HISTORY")).containsExactly("TAG_HISTORY_DEVICE_TAG_T: DEVICE_ID,TAG,T");
        assertThat(TestDerby.count(dataSource, "SELECT COUNT(*) FROM state_change")).isEqualTo(1);
    }

    @Test
    void aNewerDatabaseIsRefusedAndLeftUntouched() throws SQLException {
        DataSource dataSource = TestDerby.dataSource(db());
        DerbyDatabase.open(dataSource);
        execute(dataSource, "INSERT INTO schema_version (version, description, applied_at) VALUES (7, 'future', 0)");
        List<String> tablesBefore = tables(dataSource);

        assertThatThrownBy(() -> DerbyDatabase.open(dataSource)).isInstanceOf(SchemaTooNewException.class)
                .hasMessageContaining(db().toAbsolutePath().toString())
                .hasMessageContaining("schema version 7")
                .hasMessageContaining("version 6 that this Millwright knows")
                .hasMessageContaining("nothing was changed");
        assertThat(versions(dataSource)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(tables(dataSource)).isEqualTo(tablesBefore);
    }

    @Test
    void aFailingMigrationIsRolledBackWhole() throws SQLException {
        DataSource dataSource = TestDerby.dataSource(db());
        DerbyDatabase.open(dataSource, List.of(Migrations.V1));
        Migration broken = new Migration(2, "broken", List.of("CREATE TABLE half_done (x INT)", "NOT SQL"));
        assertThatThrownBy(() -> DerbyDatabase.open(dataSource, List.of(Migrations.V1, broken)))
                .hasMessageContaining("schema migration 2 (broken) failed and was rolled back")
                .hasMessageContaining(db().toAbsolutePath().toString());
        assertThat(versions(dataSource)).containsExactly(1);
        assertThat(tables(dataSource)).doesNotContain("HALF_DONE");
    }

    @Test
    void migrationsMustBeNumberedWithoutGaps() {
        assertThatThrownBy(() -> new SchemaMigrator("x", List.of(Migrations.V1, new Migration(3, "x", List.of()))))
                .hasMessageContaining("without gaps");
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<Integer> versions(DataSource dataSource) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    private static List<String> tables(DataSource dataSource) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        tables.sort(null);
        return tables;
    }

    /** Each index of {@code table} as "NAME: COL1,COL2". */
    private static List<String> indexes(DataSource dataSource, String table) throws SQLException {
        java.util.Map<String, String> indexes = new java.util.TreeMap<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null) {
                    indexes.merge(rs.getString("INDEX_NAME"), rs.getString("COLUMN_NAME"), (a, b) -> a + "," + b);
                }
            }
        }
        List<String> result = new ArrayList<>();
        indexes.forEach((name, cols) -> result.add(name + ": " + cols));
        return result;
    }

    private static List<String> columns(DataSource dataSource, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getColumns(null, null, table, "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        return columns;
    }
}
