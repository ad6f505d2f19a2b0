package io.millwright.store.derby.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The wording of failures, from Derby's exception chains as seen in the trouble tests. */
class DerbyFailureTest {

    private static SQLException sql(String message, String state, Throwable cause) {
        return new SQLException(message, state, cause);
    }

    @Test
    void theOperatingSystemsNoRoomIsAFullDiskWhateverDerbyCallsIt() {
        for (String os : new String[] {"No space left on device", "File too large", "Disk quota exceeded"}) {
            SQLException e = sql("Java exception: '" + os + "'", "XJ001", new IOException(os));
            assertThat(DerbyFailure.of(e).kind()).as(os).isEqualTo(DerbyFailure.Kind.DISK_FULL);
        }
        SQLException page = sql("Page Page(750,Container(0, 1249)) could not be written to disk", "XSDG1", null);
        assertThat(DerbyFailure.of(page).describe("/data/db", "appending 3 events"))
                .startsWith("Derby store at /data/db: appending 3 events failed: cannot write to disk at /data/db:"
                        + " the disk is full")
                .endsWith("Derby says: Page Page(750,Container(0, 1249)) could not be written to disk (SQLState XSDG1)");
    }

    @Test
    void aBadPageFoundDuringRecoveryIsDamageNotAFullDisk() {
        SQLException checksum = sql("Invalid checksum on Page Page(1,Container(0, 1168)), expected=1, on-disk"
                + " version=2, page dump follows: Hex dump:\n00000000: 0075", "XSDG2", null);
        SQLException recovery = sql("Error encountered while trying to write data to disk during database recovery."
                + "  Check that the database disk is not full.", "XSDFI", checksum);
        SQLException boot = sql("Failed to start database '/data/db', see the next exception for details.", "XJ040",
                recovery);
        DerbyFailure failure = DerbyFailure.of(boot);
        assertThat(failure.kind()).isEqualTo(DerbyFailure.Kind.DAMAGED);
        assertThat(failure.describe("/data/db", "opening the database"))
                .contains("is damaged", DerbyFailure.RESTORE_DOC)
                .endsWith("Derby says: Invalid checksum on Page Page(1,Container(0, 1168)), expected=1, on-disk"
                        + " version=2 (SQLState XSDG2)");
    }

    @Test
    void anotherInstanceIsFoundBehindTheNextException() {
        SQLException boot = sql("Failed to start database '/data/db', see the next exception for details.", "XJ040",
                null);
        boot.setNextException(sql("Another instance of Derby may have already booted the database /data/db.",
                "XSDB6", null));
        assertThat(DerbyFailure.of(boot).kind()).isEqualTo(DerbyFailure.Kind.IN_USE);
        assertThat(DerbyFailure.of(boot).describe("/data/db", "opening the database"))
                .contains("open in another process (another Millwright instance using the same data folder?)");
    }

    @Test
    void anythingElseKeepsDerbysOwnWordsForWhatTheStoreWasDoing() {
        SQLException migration = sql("schema migration 2 (broken) failed and was rolled back: Syntax error", "42X01",
                sql("Syntax error", "42X01", null));
        assertThat(DerbyFailure.of(migration).kind()).isEqualTo(DerbyFailure.Kind.OTHER);
        assertThat(DerbyFailure.of(migration).describe("/data/db", "opening the database"))
                .contains("reported an error", "schema migration 2 (broken) failed and was rolled back");
    }
}
