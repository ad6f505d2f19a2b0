package io.millwright.store.derby.internal.taghistory;

import static io.millwright.store.derby.internal.taghistory.FakeDevice.historized;
import static io.millwright.store.derby.internal.taghistory.FakeDevice.plain;
import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.api.store.MachineStoreException;
import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.MutableClock;
import io.millwright.store.derby.internal.TestDerby;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagHistorianTest {

    private static final Instant FOREVER = Instant.parse("9999-01-01T00:00:00Z");

    @TempDir
    Path dir;
    private DerbyDatabase database;
    private DerbyTagHistory history;
    private final AtomicBoolean databaseDown = new AtomicBoolean();

    @BeforeEach
    void open() {
        database = TestDerby.open(dir.resolve("db"));
        history = new DerbyTagHistory(database);
    }

    @AfterEach
    void close() {
        TestDerby.shutdown(dir.resolve("db"));
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));

    private TagHistorian historian(int capacity, FakeDevice... devices) {
        TagHistorian historian = new TagHistorian(capacity, () -> {
            if (databaseDown.get()) {
                throw new MachineStoreException("Derby store at " + dir + ": not open (test)");
            }
            return database;
        }, clock);
        historian.devicesChanged(List.of(devices));
        return historian;
    }

    private static Sample temp(String device, String tag, double v, long t) {
        return Sample.ofDouble(device, tag, v, Quality.GOOD, null, t, t);
    }

    private List<String> stored(String device, String tag) {
        return history.history(device, tag, Instant.EPOCH, FOREVER).stream()
                .map(p -> p.time().toEpochMilli() + " " + p.value() + " " + p.quality()
                        + (p.reason() == null ? "" : " " + p.reason()))
                .toList();
    }

    @Test
    void keptSamplesOfEveryTypeRoundTripThroughDerby() {
        FakeDevice press = new FakeDevice("press01", historized("temp", 0.5), historized("count", 0),
                historized("running", 0), historized("recipe", 0));
        TagHistorian historian = historian(1_000, press);
        historian.accept(List.of(temp("press01", "temp", 20.25, 1000),
                Sample.ofLong("press01", "count", 17, Quality.GOOD, null, 1000, 1000),
                Sample.ofBoolean("press01", "running", true, Quality.GOOD, null, 1000, 1000),
                Sample.ofString("press01", "recipe", "A-12", Quality.GOOD, null, 1000, 1000)));
        historian.accept(List.of(temp("press01", "temp", 20.5, 2000),
                Sample.ofDouble("press01", "temp", 20.5, Quality.UNCERTAIN, "calibration due", 3000, 3000),
                Sample.bad("press01", "temp", "read timeout", 4000, 4000),
                Sample.ofLong("press01", "count", 17, Quality.GOOD, null, 2000, 2000),
                Sample.ofLong("press01", "count", 18, Quality.GOOD, null, 3000, 3000),
                Sample.ofBoolean("press01", "running", false, Quality.GOOD, null, 2500, 2500)));

        assertThat(historian.flush()).isEqualTo(8);
        assertThat(historian.flush()).isZero();
        assertThat(stored("press01", "temp")).containsExactly("1000 20.25 GOOD",
                "3000 20.5 UNCERTAIN calibration due", "4000 - BAD read timeout");
        assertThat(stored("press01", "count")).containsExactly("1000 17 GOOD", "3000 18 GOOD");
        assertThat(stored("press01", "running")).containsExactly("1000 true GOOD", "2500 false GOOD");
        assertThat(stored("press01", "recipe")).containsExactly("1000 A-12 GOOD");
        assertThat(history.history("press01", "running", Instant.EPOCH, FOREVER).get(0).number()).isEqualTo(1.0);
        assertThat(historian.written()).isEqualTo(8);
        assertThat(historian.findings("tag history")).isEmpty();
    }

    @Test
    void valuesDerbyCannotHoldAsNumbersAreKeptExactlyAsText() {
        TagHistorian historian = historian(100, new FakeDevice("p", historized("x", 0)));
        historian.accept(List.of(Sample.ofDouble("p", "x", Double.NaN, Quality.GOOD, null, 1, 1),
                Sample.ofDouble("p", "x", Double.NEGATIVE_INFINITY, Quality.GOOD, null, 2, 2),
                Sample.ofDouble("p", "x", Double.MIN_VALUE, Quality.GOOD, null, 3, 3),
                Sample.ofLong("p", "x", Long.MAX_VALUE, Quality.GOOD, null, 4, 4),
                Sample.ofString("p", "x", "y".repeat(5000), Quality.GOOD, null, 5, 5)));
        historian.flush();
        assertThat(history.history("p", "x", Instant.EPOCH, FOREVER)).extracting(TagHistoryPoint::value)
                .containsExactly("NaN", "-Infinity", "4.9E-324", "9223372036854775807", "y".repeat(1024));
    }

    @Test
    void theWindowIsFromInclusiveToExclusiveOldestFirstAndLimited() {
        TagHistorian historian = historian(100, new FakeDevice("p", historized("x", 0)));
        for (int i = 0; i < 10; i++) {
            historian.accept(List.of(temp("p", "x", i, 1000L * i)));
        }
        historian.flush();
        assertThat(history.history("p", "x", Instant.ofEpochMilli(2000), Instant.ofEpochMilli(5000)))
                .extracting(TagHistoryPoint::value).containsExactly("2", "3", "4");
        assertThat(history.history("p", "x", Instant.EPOCH, FOREVER, 2)).extracting(TagHistoryPoint::value)
                .containsExactly("0", "1");
        assertThat(history.history("p", "other", Instant.EPOCH, FOREVER)).isEmpty();
    }

    @Test
    void tagsNotHistorizedAndDevicesNotKnownAreIgnored() {
        TagHistorian historian = historian(100, new FakeDevice("press01", historized("temp", 0), plain("speed")));
        historian.accept(List.of(temp("press01", "speed", 1, 1), temp("press02", "temp", 1, 1),
                temp("press01", "nosuchtag", 1, 1), temp("press01", "temp", 1, 1)));
        // a batch that is not RandomAccess takes the other path
        historian.accept(new java.util.LinkedList<>(List.of(temp("press02", "temp", 2, 2),
                temp("press01", "temp", 2, 2))));
        assertThat(historian.waiting()).isEqualTo(2);
        historian.flush();
        assertThat(TestDerby.count(database.dataSource(), "SELECT COUNT(*) FROM tag_history")).isEqualTo(2);
        assertThat(stored("press01", "temp")).containsExactly("1 1 GOOD", "2 2 GOOD");
    }

    @Test
    void aDeviceChangeIsFollowedAndATagKeepsItsLastValueAcrossIt() {
        FakeDevice press = new FakeDevice("press01", historized("temp", 1), plain("speed"));
        TagHistorian historian = historian(100, press);
        historian.accept(List.of(temp("press01", "temp", 20, 1), temp("press01", "speed", 5, 1)));

        press.tags(historized("temp", 1), historized("speed", 0));
        historian.devicesChanged(List.of(press));
        // 20.5 is inside the deadband of the last kept 20: still not a change after the rebuild
        historian.accept(List.of(temp("press01", "temp", 20.5, 2), temp("press01", "speed", 5, 2)));

        historian.devicesChanged(List.of());
        historian.accept(List.of(temp("press01", "temp", 99, 3), temp("press01", "speed", 99, 3)));
        historian.flush();
        assertThat(stored("press01", "temp")).containsExactly("1 20 GOOD");
        assertThat(stored("press01", "speed")).containsExactly("2 5 GOOD");
        assertThat(historian.historizedTags()).isZero();
    }

    @Test
    void aFullBufferDropsCountsAndSaysSoInHealth() {
        TagHistorian historian = historian(5, new FakeDevice("press01", historized("temp", 0)));
        for (int i = 0; i < 12; i++) {
            historian.accept(List.of(temp("press01", "temp", i, i)));
        }
        assertThat(historian.dropped()).isEqualTo(7);
        List<HealthFinding> findings = historian.findings("tag history in /data/db");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(findings.get(0).subject()).isEqualTo("tag history in /data/db");
        assertThat(findings.get(0).message()).startsWith("7 tag history samples dropped").contains("5 samples");

        assertThat(historian.flush()).isEqualTo(5);
        assertThat(stored("press01", "temp")).hasSize(5).first().isEqualTo("0 0 GOOD");
    }

    @Test
    void theDropWarningEndsAnHourAfterTheLastDropAndComesBackWithTheNext() {
        TagHistorian historian = historian(2, new FakeDevice("press01", historized("temp", 0)));
        for (int i = 0; i < 5; i++) {
            historian.accept(List.of(temp("press01", "temp", i, i)));
        }
        historian.flush();
        assertThat(historian.findings("tag history")).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("3 tag history samples dropped since start, the last at 2026-11-24T08:00:00Z"));

        clock.advance(Duration.ofMinutes(59));
        historian.flush();
        assertThat(historian.findings("tag history")).as("still within the hour").hasSize(1);
        clock.advance(Duration.ofMinutes(2));
        historian.flush();
        assertThat(historian.findings("tag history")).as("an hour without drops").isEmpty();
        assertThat(historian.dropped()).as("the count itself is kept").isEqualTo(3);

        for (int i = 5; i < 9; i++) {
            historian.accept(List.of(temp("press01", "temp", i, i)));
        }
        assertThat(historian.findings("tag history")).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("5 tag history samples dropped since start, the last at 2026-11-24T09:01:00Z"));
    }

    @Test
    void whileTheDatabaseCannotBeWrittenSamplesWaitBoundedAndAreWrittenAfter() {
        TagHistorian historian = historian(4, new FakeDevice("press01", historized("temp", 0)));
        databaseDown.set(true);
        for (int i = 0; i < 4; i++) {
            historian.accept(List.of(temp("press01", "temp", i, i)));
        }
        assertThat(historian.flush()).isZero();
        assertThat(historian.findings("tag history")).extracting(HealthFinding::severity)
                .containsExactly(Severity.ERROR);
        assertThat(historian.findings("tag history").get(0).message()).contains("4 samples waiting")
                .contains("not open (test)");
        // the drained samples wait beside the buffer: at most one buffer's worth more, then drops
        for (int i = 4; i < 12; i++) {
            historian.accept(List.of(temp("press01", "temp", i, i)));
        }
        assertThat(historian.flush()).isZero();
        assertThat(historian.waiting()).isEqualTo(8);
        assertThat(historian.dropped()).isEqualTo(4);

        databaseDown.set(false);
        assertThat(historian.flush()).isEqualTo(4);
        assertThat(historian.flush()).isEqualTo(4);
        assertThat(stored("press01", "temp")).hasSize(8);
        assertThat(historian.findings("tag history")).extracting(HealthFinding::severity)
                .containsExactly(Severity.WARNING);
    }

    @Test
    void ignoredAndUnchangedSamplesAllocateNothing() {
        TagHistorian historian = historian(100, new FakeDevice("press01", historized("temp", 5), plain("speed")));
        List<Sample> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(temp("press01", "temp", 20 + (i % 3), i));
            batch.add(temp("press01", "speed", i, i));
            batch.add(temp("press09", "temp", i, i));
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            historian.accept(batch);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 20_000; i++) {
            historian.accept(batch);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(historian.waiting()).isEqualTo(1);
        // three million samples: anything per sample would be megabytes
        assertThat(allocated).as("bytes allocated for 3,000,000 ignored or unchanged samples").isLessThan(64_000);
    }
}
