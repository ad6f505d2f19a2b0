package io.millwright.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.millwright.api.device.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventHandler;

/**
 * millwright:driver-update on the Modbus driver while a PLC counts at 1 kHz: every update keeps
 * every count, shows no false stop, touches no other bundle and lets the old class loader go; a
 * broken release rolls back by itself and data keeps flowing; a dry run changes nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DriverUpdateIT extends MillwrightTestSupport {

    private static final int UPDATES = 5;
    private static final int TOTAL_REGISTER = 50;
    private static final Duration COMMAND_TIME = Duration.ofSeconds(150);

    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return distribution();
    }

    /** A PLC on a free port whose counter a thread advances every millisecond while {@code counting}. */
    private static final class CountingPlc implements AutoCloseable {
        final PlcImage plc;
        final AtomicLong total = new AtomicLong();
        final AtomicBoolean counting = new AtomicBoolean();
        private final Thread thread;

        CountingPlc(int port) throws Exception {
            plc = new PlcImage(port);
            thread = new Thread(this::run, "itest-counting-plc");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            long next = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                next += 1_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                if (counting.get()) {
                    long value = total.incrementAndGet();
                    // one writer; a poll between the two words may read a torn value, as from a real PLC
                    synchronized (plc.image) {
                        plc.image.getRegister(TOTAL_REGISTER).setValue((int) (value >>> 16) & 0xFFFF);
                        plc.image.getRegister(TOTAL_REGISTER + 1).setValue((int) value & 0xFFFF);
                    }
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(5000);
            plc.close();
        }
    }

    private static Map<String, String> device(String id, int port) {
        Map<String, String> device = new LinkedHashMap<>();
        device.put("id", id);
        device.put("host", "127.0.0.1");
        device.put("port", Integer.toString(port));
        device.put("pollInterval", "100");
        device.put("timeout", "500");
        device.put("tag.running", "coil 0 bool");
        device.put("tag.total", "holding " + TOTAL_REGISTER + " uint32");
        return device;
    }

    private static Map<String, String> machine(String id, String device) {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("id", id);
        machine.put("site", "itest");
        machine.put("line", "UPD");
        machine.put("running", device + "/running");
        machine.put("totalCount", device + "/total");
        machine.put("idealCycleTime", "0.001");
        machine.put("countMode", "cumulative");
        machine.put("counterBits", "32");
        machine.put("stalenessTimeout", "10");
        return machine;
    }

    @Test
    public void updatesUnderLoadKeepEveryCountAndTouchNothingElse() throws Exception {
        installFeature("millwright-driver-modbus");
        int port = UnpackedDistribution.freePort();
        Path jars = Files.createTempDirectory("driver-update-it");
        List<String> stateChanges = new CopyOnWriteArrayList<>();
        ServiceRegistration<EventHandler> listener = null;
        try (CountingPlc plc = new CountingPlc(port)) {
            editConfigurationFile("io.millwright.driver.modbus-itupd.cfg", device("itupd", port));
            editConfigurationFile("io.millwright.machine-itupd-m.cfg", machine("itupd-m", "itupd"));
            await("itupd-m RUNNING", () -> line(runAsViewer("millwright:machines").output, "itupd-m").contains("RUNNING"));
            Instant started = Instant.now();
            listener = onStateChanges("(machine.id=itupd-m)", stateChanges);
            plc.counting.set(true);

            Bundle driver = bundle("millwright-driver-modbus");
            String original = driver.getLocation();
            Map<Long, String> others = bundlesExcept(List.of(driver));
            List<ClassLoaderRelease> oldLoaders = new ArrayList<>();
            for (int i = 1; i <= UPDATES; i++) {
                Thread.sleep(500);
                oldLoaders.add(ClassLoaderRelease.of(driver));
                Path jar = DriverJars.rebuild(driver, "0.1.1.it" + i, jars);
                String out = runAsAdmin("millwright:driver-update --timeout 60 modbus " + jar.toUri(), COMMAND_TIME).ok();
                assertTrue(out, out.contains("Updated millwright-driver-modbus"));
                assertTrue(out, out.contains("Other bundles: untouched"));
                assertTrue(out, out.contains("itupd ONLINE, data after"));
                assertEquals("0.1.1.it" + i, driver.getVersion().toString());
            }
            Thread.sleep(500);
            plc.counting.set(false);
            long made = plc.total.get();

            // back to the version the feature installed, the same way
            String back = runAsAdmin("millwright:driver-update modbus " + original, COMMAND_TIME).ok();
            assertTrue(back, back.contains("Updated millwright-driver-modbus 0.1.1.it" + UPDATES + " -> 0.1.0.SNAPSHOT"));

            // count buckets close a minute after they open (+5 s grace): wait for the last one
            awaitFor("the store holds every count the PLC made (" + made + ")", Duration.ofSeconds(100),
                    () -> storedCounts("itupd-m", started) == made);
            assertEquals("state changes of itupd-m during the updates", List.of(), stateChanges);
            assertEquals("other bundles (id -> state, last modified)", others, bundlesExcept(List.of(driver)));
            ClassLoaderRelease.rollLogBuffers();
            for (ClassLoaderRelease loader : oldLoaders) {
                assertTrue(loader + " still reachable after the updates: " + loader.suspects(),
                        loader.collectedWithin(Duration.ofSeconds(30)));
            }
        } finally {
            if (listener != null) {
                listener.unregister();
            }
            deleteConfigurationFile("io.millwright.machine-itupd-m.cfg");
            deleteConfigurationFile("io.millwright.driver.modbus-itupd.cfg");
        }
    }

    @Test
    public void aBrokenReleaseRollsBackAndADryRunChangesNothing() throws Exception {
        installFeature("millwright-driver-modbus");
        int port = UnpackedDistribution.freePort();
        Path jars = Files.createTempDirectory("driver-update-it");
        try (CountingPlc plc = new CountingPlc(port)) {
            editConfigurationFile("io.millwright.driver.modbus-itbrk.cfg", device("itbrk", port));
            plc.counting.set(true);
            await("itbrk ONLINE", () -> line(runAsViewer("millwright:devices").output, "itbrk").contains("ONLINE"));
            Bundle driver = bundle("millwright-driver-modbus");
            String version = driver.getVersion().toString();
            long lastModified = driver.getLastModified();

            String dry = runAsAdmin("millwright:driver-update --dry-run modbus "
                    + DriverJars.rebuild(driver, "0.1.2.dry", jars).toUri()).ok();
            assertTrue(dry, dry.contains("Resolves against the running system: yes"));
            assertTrue(dry, dry.contains("Would refresh: millwright-driver-modbus only"));
            assertTrue(dry, dry.contains("itbrk ONLINE with data"));
            assertTrue(dry, dry.contains("Nothing changed"));
            assertEquals(lastModified, driver.getLastModified());

            CommandResult broken = runAsAdmin("millwright:driver-update --timeout 15 modbus "
                    + DriverJars.broken(driver, "0.1.2.broken", jars).toUri(), COMMAND_TIME);
            assertTrue(broken.toString(), broken.failed());
            assertTrue(broken.output, broken.output.contains("Rolled back millwright-driver-modbus to " + version));
            assertTrue(broken.output, broken.output.contains("itbrk ONLINE, data after"));
            assertEquals(version, driver.getVersion().toString());
            String security = Files.readString(Path.of(System.getProperty("karaf.log"), "security.log"));
            assertTrue(security, security.contains("driver-update user=it-admin driver=millwright-driver-modbus from="
                    + version + " to=0.1.2.broken"));
            assertTrue(security, security.contains("result=ROLLED_BACK"));

            Instant afterRollback = Instant.now();
            await("itbrk delivers again after the rollback", () -> {
                try {
                    return waitForService(Device.class, "(millwright.device.id=itbrk)").lastDataTime()
                            .map(t -> t.isAfter(afterRollback)).orElse(false);
                } catch (Exception | AssertionError e) {
                    return false;
                }
            });
        } finally {
            deleteConfigurationFile("io.millwright.driver.modbus-itbrk.cfg");
        }
    }
}
