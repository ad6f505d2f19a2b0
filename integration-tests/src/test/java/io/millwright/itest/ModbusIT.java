package io.millwright.itest;

import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The Modbus driver in the distribution against the simulated plant, as an integrator sets it up:
 * files in etc/ for a simulated machine, its Modbus device (one tag on an address the server does
 * not have, one historized) and the machine; then the shell shows devices, tags, machine state, the
 * historized tag's stored history, refuses
 * writes to a read-only device, sees the peer go away and come back, and names a bad tag CSV.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ModbusIT extends MillwrightTestSupport {

    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return distribution();
    }

    @Test
    public void aSimulatedMachineIsReadOverModbusIntoTheCore() throws Exception {
        installFeature("millwright-store-derby");
        installFeature("millwright-simulator");
        installFeature("millwright-driver-modbus");
        int port = UnpackedDistribution.freePort();
        Map<String, String> sim = new LinkedHashMap<>();
        sim.put("id", "itsim");
        sim.put("seed", "7");
        sim.put("cycleTimeMs", "100");
        sim.put("rejectRate", "0.1");
        sim.put("faultsPerHour", "0");
        sim.put("minorStopsPerHour", "0");
        sim.put("starvationsPerHour", "0");
        sim.put("modbus.port", Integer.toString(port));
        Map<String, String> device = new LinkedHashMap<>();
        device.put("id", "itdev");
        device.put("host", "127.0.0.1");
        device.put("port", Integer.toString(port));
        device.put("pollInterval", "200");
        device.put("timeout", "500");
        device.put("tag.running", "coil 0 bool");
        device.put("tag.fault_code", "holding 1 uint16");
        device.put("tag.total", "holding 2 uint32");
        device.put("tag.rejects", "holding 4 uint32");
        device.put("tag.speed", "holding 8 float32 historize=true deadband=0.5");
        device.put("tag.missing", "holding 900 uint16");
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("id", "itpress");
        machine.put("site", "itest");
        machine.put("running", "itdev/running");
        machine.put("faultCode", "itdev/fault_code");
        machine.put("totalCount", "itdev/total");
        machine.put("rejectCount", "itdev/rejects");
        machine.put("idealCycleTime", "0.1");
        machine.put("stalenessTimeout", "30");
        machine.put("counterBits", "32");
        try {
            editConfigurationFile("io.millwright.simulator-itsim.cfg", sim);
            editConfigurationFile("io.millwright.driver.modbus-itdev.cfg", device);
            editConfigurationFile("io.millwright.machine-itpress.cfg", machine);

            // the tag on an address the server lacks is BAD with the exception; the others flow
            await("itdev polled, 'missing' BAD with Modbus exception 2", () -> {
                String out = runAsViewer("millwright:device itdev").output;
                return out.contains("DEGRADED") && line(out, "missing").contains("BAD")
                        && line(out, "missing").toLowerCase().contains("illegal data address")
                        && line(out, "total").contains("GOOD");
            });
            await("millwright:devices lists itdev", () -> runAsViewer("millwright:devices").output.contains("itdev"));
            await("itpress RUNNING and counting", () -> {
                String out = line(runAsViewer("millwright:machines").output, "itpress");
                return out.contains("RUNNING");
            });
            // speed is historized: the store's tag historian keeps its changes beyond the deadband
            await("itdev/speed history in Derby", () -> {
                String history = runAsViewer("millwright:tag-history itdev speed").output;
                return history.contains("GOOD") && !history.contains("No values stored");
            });
            String read = runAsAdmin("millwright:modbus-read itdev holding 2 2").ok();
            assertTrue(read, read.contains("2") && read.contains("3"));

            CommandResult write = runAsAdmin("millwright:modbus-write itdev total 5");
            assertTrue("a read-only device refuses writes: " + write, write.failed()
                    && String.valueOf(write.failure.getMessage()).contains("writable=true"));

            runAsAdmin("millwright:sim-peer itsim down").ok();
            await("itdev OFFLINE when the peer goes away", () ->
                    line(runAsViewer("millwright:devices").output, "itdev").contains("OFFLINE"));
            await("itpress OFFLINE with it", () ->
                    line(runAsViewer("millwright:machines").output, "itpress").contains("OFFLINE"));
            runAsAdmin("millwright:sim-peer itsim up").ok();
            await("itdev back by itself", () ->
                    line(runAsViewer("millwright:devices").output, "itdev").contains("DEGRADED"));
            await("itpress RUNNING again", () ->
                    line(runAsViewer("millwright:machines").output, "itpress").contains("RUNNING"));
        } finally {
            deleteConfigurationFile("io.millwright.machine-itpress.cfg");
            deleteConfigurationFile("io.millwright.driver.modbus-itdev.cfg");
            deleteConfigurationFile("io.millwright.simulator-itsim.cfg");
        }
    }

    @Test
    public void everyTagTypeAndWordOrderIsDecodedFromCoalescedRequests() throws Exception {
        installFeature("millwright-driver-modbus");
        int port = UnpackedDistribution.freePort();
        Map<String, String> highFirst = new LinkedHashMap<>();
        highFirst.put("id", "itplc");
        highFirst.put("host", "127.0.0.1");
        highFirst.put("port", Integer.toString(port));
        highFirst.put("pollInterval", "250");
        highFirst.put("tag.i16", "holding 0 int16");
        highFirst.put("tag.u16", "holding 1 uint16 scale=2");
        highFirst.put("tag.i32", "holding 2 int32");
        highFirst.put("tag.u32", "holding 4 uint32");
        highFirst.put("tag.f32", "holding 6 float32");
        highFirst.put("tag.f64", "holding 8 float64");
        highFirst.put("tag.txt", "holding 12 string(4)");
        highFirst.put("tag.run", "coil 0 bool");
        highFirst.put("tag.c5", "coil 5 bool");
        Map<String, String> lowFirst = new LinkedHashMap<>();
        lowFirst.put("id", "itplclow");
        lowFirst.put("host", "127.0.0.1");
        lowFirst.put("port", Integer.toString(port));
        lowFirst.put("pollInterval", "250");
        lowFirst.put("wordOrder", "little");
        lowFirst.put("tag.i32", "holding 40 int32");
        lowFirst.put("tag.u32", "holding 42 uint32");
        lowFirst.put("tag.f32", "holding 44 float32");
        lowFirst.put("tag.neg", "holding 46 float32");
        try (PlcImage plc = new PlcImage(port)) {
            editConfigurationFile("io.millwright.driver.modbus-itplc.cfg", highFirst);
            editConfigurationFile("io.millwright.driver.modbus-itplclow.cfg", lowFirst);
            await("itplc decoded, high word first", () -> {
                String out = runAsViewer("millwright:device itplc").output;
                return line(out, "i16").contains(" -2 ") && line(out, "u16").contains(" 131070.0 ")
                        && line(out, "i32").contains(" -100000 ") && line(out, "u32").contains(" 3000000000 ")
                        && line(out, "f32").contains(" 12.5 ") && line(out, "f64").contains(" 1234.5678 ")
                        && line(out, "txt").contains(" PRESS-7 ") && line(out, "run").contains(" true ")
                        && line(out, "c5").contains(" true ");
            });
            await("itplclow decoded, low word first", () -> {
                String out = runAsViewer("millwright:device itplclow").output;
                return line(out, "i32").contains(" -100000 ") && line(out, "u32").contains(" 3000000000 ")
                        && line(out, "f32").contains(" 12.5 ") && line(out, "neg").contains(" -0.25 ");
            });
            // nine tags, two requests: holding 0-15 and coils 0-5
            String status = runAsViewer("millwright:modbus-status").output;
            assertTrue(status, line(status, "itplc").contains(" 2 ("));
        } finally {
            deleteConfigurationFile("io.millwright.driver.modbus-itplc.cfg");
            deleteConfigurationFile("io.millwright.driver.modbus-itplclow.cfg");
        }
    }

    @Test
    public void aBadTagCsvIsRefusedNamingFileLineAndColumn() throws Exception {
        installFeature("millwright-driver-modbus");
        Path csv = Paths.get(System.getProperty("karaf.etc"), "itbad-tags.csv");
        Files.writeString(csv, "name,area,address,type\ntotal,holding,2,uint32\nspeed,holding,8,float33\n",
                StandardCharsets.UTF_8);
        Map<String, String> device = new LinkedHashMap<>();
        device.put("id", "itbad");
        device.put("host", "127.0.0.1");
        device.put("port", Integer.toString(UnpackedDistribution.freePort()));
        device.put("tagFile", "itbad-tags.csv");
        try {
            editConfigurationFile("io.millwright.driver.modbus-itbad.cfg", device);
            await("health names the CSV file, line and column", () -> {
                String health = runAsViewer("millwright:health").output;
                return health.contains("itbad-tags.csv line 3 column 4") && health.contains("float33");
            });
        } finally {
            deleteConfigurationFile("io.millwright.driver.modbus-itbad.cfg");
            Files.deleteIfExists(csv);
        }
        await("the refusal goes with the file", () -> !runAsViewer("millwright:health").output.contains("itbad"));
    }

}
