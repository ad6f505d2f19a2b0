package io.millwright.itest;

import static org.assertj.core.api.Assertions.assertThat;

import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.millwright.itest.UnpackedDistribution.Result;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Restart recovery end to end: the demo profile (core, Derby store, Modbus driver) reads a PLC
 * (a j2mod slave in this JVM, so it keeps counting while Millwright is down) and is killed with
 * kill -9 at random moments, once in the middle of a stop. After each restart the core resumes from
 * the stored state and counter baselines: the open downtime is still open and ends once, and at
 * the end the stored count equals what the PLC counted, none lost and none doubled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRestartIT {

    private static final String PASSWORD = "crash-admin-Pa55";
    private static final Duration BOOT = Duration.ofSeconds(150);
    private static final int KILLS = 4;
    private static final int FIRST_COUNT = 1000;
    private static final Pattern COUNTS = Pattern.compile("Counts: (\\d+) total");

    private UnpackedDistribution karaf;
    private ModbusSlave slave;
    private final SimpleProcessImage plc = new SimpleProcessImage(1);
    private final SimpleDigitalOut running = new SimpleDigitalOut(true);
    private final SimpleRegister faultCode = new SimpleRegister(0);
    private final SimpleRegister totalLow = new SimpleRegister(FIRST_COUNT);
    private final AtomicInteger total = new AtomicInteger(FIRST_COUNT);
    private ScheduledExecutorService production;

    @BeforeAll
    void plcAndMillwright() throws Exception {
        int plcPort = UnpackedDistribution.freePort();
        plc.addDigitalOut(running);
        plc.addRegister(new SimpleRegister(0));
        plc.addRegister(faultCode);
        plc.addRegister(new SimpleRegister(0));   // total, high word: stays 0 below 65,536
        plc.addRegister(totalLow);
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), plcPort, 4, false);
        slave.addProcessImage(1, plc);
        slave.open();

        karaf = UnpackedDistribution.unpack("crash");
        // boot the demo profile, as ./millwright-demo does (its simulated line is not configured here)
        karaf.bootDemoProfile();
        karaf.addUser("admin", "admin", PASSWORD);
        karaf.writeEtc("io.millwright.driver.modbus-crashplc.cfg", String.join("\n",
                "id = crashplc", "host = 127.0.0.1", "port = " + plcPort, "pollInterval = 200", "timeout = 1000",
                "tag.running = coil 0 bool", "tag.fault = holding 1 uint16", "tag.total = holding 2 uint32", ""));
        // staleness longer than a restart: a kill is a data gap, not a stop
        karaf.writeEtc("io.millwright.machine-crashpress.cfg", String.join("\n",
                "id = crashpress", "site = crash", "running = crashplc/running", "faultCode = crashplc/fault",
                "totalCount = crashplc/total", "counterBits = 32", "idealCycleTime = 0.05",
                "stalenessTimeout = 120", "microStopThreshold = 1", ""));
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (production != null) {
            production.shutdownNow();
        }
        if (karaf != null) {
            karaf.destroy();
        }
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
        }
    }

    @Test
    void countsAndOpenDowntimesSurviveKillNine() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        karaf.startAndWait("admin", PASSWORD, "millwright:machines", "RUNNING", BOOT);
        // the core has read the first value: from here on every part the PLC counts must be stored once
        production = Executors.newSingleThreadScheduledExecutor();
        production.scheduleAtFixedRate(this::produce, 50, 50, TimeUnit.MILLISECONDS);

        Random random = new Random(4711);
        String downtime = null;
        for (int kill = 1; kill <= KILLS; kill++) {
            Thread.sleep(3000 + random.nextInt(5000));
            if (kill == 2) {
                stop(17);
                downtime = awaitOpenDowntime();
            }
            karaf.killNine();
            karaf.startAndWait("admin", PASSWORD, "millwright:machines", "crashpress", BOOT);
            if (kill == 2) {
                assertThat(karaf.client("admin", PASSWORD, "millwright:downtime --open crashpress").out())
                        .as("the stop going on when Millwright was killed is still open after the restart")
                        .contains(downtime).contains("(open)");
                resume();
                awaitState("RUNNING");
            }
        }
        production.shutdown();
        production.awaitTermination(5, TimeUnit.SECONDS);
        int counted = total.get() - FIRST_COUNT;

        // count buckets are stored when their minute closes: wait for the last one, and never more
        String oee = "millwright:oee --from " + start + " --to " + start.plus(Duration.ofHours(1)) + " crashpress";
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        long stored;
        do {
            Thread.sleep(2000);
            stored = storedCount(karaf.client("admin", PASSWORD, oee).out());
            assertThat(stored).as("stored count never exceeds the PLC's (%d): nothing doubled", counted)
                    .isLessThanOrEqualTo(counted);
        } while (stored < counted && System.nanoTime() < deadline);
        assertThat(stored).as("every part the PLC counted across %d kills is stored", KILLS).isEqualTo(counted);
        System.out.printf("[crash-restart] %d kill -9s, one during a stop; PLC counted %d, store holds %d%n",
                KILLS, counted, stored);

        String downtimes = karaf.client("admin", PASSWORD, "millwright:downtime --from " + start + " crashpress").out();
        assertThat(occurrences(downtimes, downtime)).as("the stop interrupted by a kill is one record:\n%s", downtimes)
                .isEqualTo(1);
        assertThat(downtimes).doesNotContain("(open)");
    }

    private void produce() {
        if (running.isSet()) {
            totalLow.setValue(total.incrementAndGet());
        }
    }

    private void stop(int fault) {
        faultCode.setValue(fault);
        running.set(false);
    }

    private void resume() {
        faultCode.setValue(0);
        running.set(true);
    }

    private String awaitOpenDowntime() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Result open = karaf.client("admin", PASSWORD, "millwright:downtime --open crashpress");
            Matcher id = Pattern.compile("(crashpress\\S*)\\s*\\|[^|]*\\|\\s*\\(open\\)").matcher(open.out());
            if (id.find()) {
                // the writer stores events every 250 ms: give it a moment beyond what the shell sees
                Thread.sleep(1000);
                return id.group(1);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no open downtime for crashpress after the fault");
    }

    private void awaitState(String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (karaf.client("admin", PASSWORD, "millwright:machines").out().matches("(?s).*crashpress[^\\n]*" + state + ".*")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("crashpress not " + state);
    }

    private static long storedCount(String oeeOutput) {
        Matcher m = COUNTS.matcher(oeeOutput);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static int occurrences(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
            n++;
        }
        return n;
    }
}
