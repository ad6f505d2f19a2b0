package io.millwright.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.millwright.api.outbox.Outbox;
import io.millwright.api.outbox.OutboxEntry;
import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import io.millwright.api.store.MachineStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.ServiceReference;

/**
 * The Derby store in the distribution: the feature installs, the core switches to it, machine
 * events land in the database and its outbox, a consumer reads and acknowledges them, and an
 * online backup is taken from the shell. Shares the suite's container.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DerbyStoreIT extends MillwrightTestSupport {

    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return distribution();
    }

    @Test
    public void coreEventsReachTheDerbyStoreAndItsOutbox() throws Exception {
        installFeature("millwright-store-derby");
        String database = Paths.get(System.getProperty("karaf.data"), "millwright", "db").toString();
        await("millwright:store shows " + database, () -> runAsViewer("millwright:store").output.contains(database));
        Object dataSourceId = dataSourceServiceId();

        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("id", "db-press01");
        machine.put("site", "itest");
        machine.put("running", "dbdev1/run");
        machine.put("faultCode", "dbdev1/fault");
        machine.put("totalCount", "dbdev1/total");
        machine.put("idealCycleTime", "1.0");
        machine.put("stalenessTimeout", "600");
        try {
            editConfigurationFile("io.millwright.machine-db-press01.cfg", machine);
            await("db-press01 defined", () -> runAsViewer("millwright:machines").output.contains("db-press01"));
            SampleSink sink = waitForService(SampleSink.class, null);
            long now = System.currentTimeMillis();
            long base = (now - 180_000) / 60_000 * 60_000;
            List<Sample> batch = new ArrayList<>();
            for (int i = 0; i <= 3; i++) {
                long t = base + i * 60_000L;
                batch.add(Sample.ofBoolean("dbdev1", "run", i != 2, Quality.GOOD, null, t, now));
                batch.add(Sample.ofLong("dbdev1", "fault", i == 2 ? 9 : 0, Quality.GOOD, null, t, now));
                batch.add(Sample.ofLong("dbdev1", "total", 100 + 50L * i, Quality.GOOD, null, t, now));
            }
            sink.accept(batch);

            await("history in Derby", () -> store().downtimes("db-press01", Instant.ofEpochMilli(base),
                    Instant.ofEpochMilli(now + 1000)).size() == 1);
            // two closed minutes for sure (the third closes a minute after its start)
            await("count buckets in Derby", () -> store().counts("db-press01", Instant.ofEpochMilli(base),
                    Instant.ofEpochMilli(now)).stream().mapToLong(c -> c.total()).sum() >= 100);

            List<OutboxEntry> entries = new ArrayList<>();
            await("events in the outbox", () -> {
                entries.clear();
                entries.addAll(outbox().read("itest-erp", 1000));
                return entries.stream().anyMatch(e -> e.machineId().equals("db-press01")
                        && e.topic().equals("millwright/machine/downtime/end"));
            });
            for (int i = 1; i < entries.size(); i++) {
                assertTrue("outbox in order", entries.get(i).sequence() > entries.get(i - 1).sequence());
            }
            long last = entries.get(entries.size() - 1).sequence();
            await("acknowledged entries leave the consumer's queue", () -> {
                outbox().acknowledge("itest-erp", last);
                return outbox().cursors().get("itest-erp") == last
                        && outbox().read("itest-erp", 1000).stream().allMatch(e -> e.sequence() > last);
            });
            await("millwright:store lists the consumer", () -> runAsViewer("millwright:store").output.contains("itest-erp"));

            Path backups = Paths.get(System.getProperty("karaf.data"), "itest-backups");
            CommandResult refused = runAsViewer("millwright:backup " + backups);
            assertTrue("a viewer must not take backups: " + refused, refused.failed());
            await("an admin's backup is written", () -> runAsAdmin("millwright:backup " + backups).output
                    .contains("Backup written to " + backups));
            try (var folders = Files.list(backups)) {
                assertTrue("a backup folder", folders.count() >= 1);
            }
        } finally {
            deleteConfigurationFile("io.millwright.machine-db-press01.cfg");
        }
        String health = runAsViewer("millwright:health").output;
        assertTrue(health, health.startsWith("OK"));
        // the feature ships etc/org.ops4j.datasource-millwright.cfg as a file: one DataSource for the
        // whole run, not one replaced right after install (which restarted the store)
        assertEquals("the DataSource registered at install is still the one", dataSourceId, dataSourceServiceId());
    }

    private Object dataSourceServiceId() throws Exception {
        ServiceReference<?>[] refs = bundleContext.getServiceReferences("javax.sql.DataSource",
                "(dataSourceName=millwright)");
        assertNotNull("a DataSource named millwright", refs);
        assertEquals("one DataSource named millwright", 1, refs.length);
        return refs[0].getProperty("service.id");
    }

    private MachineStore store() {
        try {
            return waitForService(MachineStore.class, "(millwright.store=derby)");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Outbox outbox() {
        try {
            return waitForService(Outbox.class, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
