package io.millwright.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The machine core as an integrator meets it: machine files dropped into etc/, samples through
 * the SampleSink service, and state, downtime and OEE read back through the shell. Shares the
 * container with the other suite classes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MachineCoreIT extends MillwrightTestSupport {

    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return distribution();
    }

    @Test
    public void machinesFromEtcFollowSamplesIntoStateDowntimeAndOee() throws Exception {
        editConfigurationFile("io.millwright.reasons-itest.cfg", reasons());
        editConfigurationFile("io.millwright.machine-it-press01.cfg", machine("it-press01", "itdev1", "1.0"));
        editConfigurationFile("io.millwright.machine-it-press02.cfg", machine("it-press02", "itdev2", "1.0"));
        await("both machines defined", () -> runAsViewer("millwright:machines").output.contains("it-press02"));
        SampleSink sink = waitForService(SampleSink.class, null);
        List<String> topics = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.Dictionary<String, Object> filter = new java.util.Hashtable<>();
        filter.put(org.osgi.service.event.EventConstants.EVENT_TOPIC, "millwright/machine/*");
        filter.put(org.osgi.service.event.EventConstants.EVENT_FILTER, "(machine.id=it-press01)");
        var handler = bundleContext.registerService(org.osgi.service.event.EventHandler.class,
                event -> topics.add(event.getTopic()), filter);

        long now = System.currentTimeMillis();
        long base = (now - 300_000) / 60_000 * 60_000;
        List<Sample> batch = new ArrayList<>();
        poll(batch, base, now, true, 0, 1000, 10);
        poll(batch, base + 30_000, now, true, 0, 1030, 11);
        poll(batch, base + 60_000, now, true, 0, 1060, 12);
        poll(batch, base + 90_000, now, false, 17, 1060, 12);
        poll(batch, base + 150_000, now, true, 0, 1060, 12);
        poll(batch, base + 180_000, now, true, 0, 1090, 12);
        poll(batch, base + 240_000, now, true, 0, 1120, 12);
        batch.add(Sample.ofLong("itdev1", "not-bound", 5, Quality.GOOD, null, base + 240_000, now));
        sink.accept(batch);

        await("state, downtime and count events on EventAdmin", () -> topics.contains("millwright/machine/state")
                && topics.contains("millwright/machine/downtime/start") && topics.contains("millwright/machine/downtime/end")
                && topics.contains("millwright/machine/count"));
        handler.unregister();

        String machines = runAsViewer("millwright:machines").ok();
        assertTrue(machines, Pattern.compile("it-press01\\s*\\|\\s*L1\\s*\\|\\s*RUNNING").matcher(machines).find());
        assertTrue(machines, Pattern.compile("it-press02\\s*\\|\\s*L1\\s*\\|\\s*OFFLINE").matcher(machines).find());

        String detail = runAsViewer("millwright:machine it-press01").ok();
        assertTrue(detail, detail.contains("itdev1/total"));
        assertTrue(detail, detail.contains("1120"));
        assertTrue(detail, Pattern.compile("RUNNING\\s*\\|\\s*DOWN").matcher(detail).find());

        String downtime = runAsViewer("millwright:downtime --from " + Instant.ofEpochMilli(base) + " it-press01").ok();
        assertTrue(downtime, downtime.contains("it-press01-" + (base + 90_000)));
        assertTrue(downtime, downtime.contains("MECH.JAM"));
        assertTrue(downtime, downtime.contains("1m00s"));

        String oee = runAsViewer("millwright:oee --from " + Instant.ofEpochMilli(base)
                + " --to " + Instant.ofEpochMilli(base + 240_000) + " it-press01").ok();
        // 4 min planned, 1 min down: A 75 %; 90 parts at 1 s in 3 min run: P 50 %; 88 good: Q 97.78 %
        assertTrue(oee, Pattern.compile("Availability\\s*\\|\\s*75\\.00 %").matcher(oee).find());
        assertTrue(oee, Pattern.compile("Performance\\s*\\|\\s*50\\.00 %").matcher(oee).find());
        assertTrue(oee, Pattern.compile("Quality\\s*\\|\\s*97\\.78 %").matcher(oee).find());
        assertTrue(oee, Pattern.compile("OEE\\s*\\|\\s*36\\.67 %").matcher(oee).find());
        assertTrue(oee, oee.contains("Counts: 90 total, 88 good, 2 rejects"));

        String line = runAsViewer("millwright:oee --from " + Instant.ofEpochMilli(base)
                + " --to " + Instant.ofEpochMilli(base + 240_000) + " L1").ok();
        assertTrue(line, line.contains("(2 machines)"));
        assertTrue(line, line.contains("Counts: 90 total"));

        String unmapped = runAsViewer("millwright:unmapped-tags").ok();
        assertTrue(unmapped, Pattern.compile("itdev1\\s*\\|\\s*not-bound\\s*\\|\\s*1").matcher(unmapped).find());

        String id = "it-press01-" + (base + 90_000);
        CommandResult refused = runAsViewer("millwright:reason " + id + " CHG.TOOL");
        assertTrue("a viewer must not set reasons: " + refused, refused.failed());
        CommandResult unknown = runAsAdmin("millwright:reason " + id + " NOPE.NOPE");
        assertTrue(unknown.toString(), unknown.failed() && unknown.failure.getMessage().contains("not a reason of site itest"));
        String set = runAsAdmin("millwright:reason " + id + " CHG.TOOL").ok();
        assertTrue(set, set.contains("MECH.JAM -> CHG.TOOL, set by it-admin"));
        String after = runAsViewer("millwright:downtime --from " + Instant.ofEpochMilli(base) + " it-press01").ok();
        assertTrue(after, after.contains("CHG.TOOL"));
        assertTrue(after, after.contains("it-admin"));
        String split = runAsAdmin("millwright:downtime-split " + id + " " + Instant.ofEpochMilli(base + 120_000)).ok();
        assertTrue(split, split.contains(id + "." + (base + 120_000)));
        String setupOee = runAsViewer("millwright:oee --from " + Instant.ofEpochMilli(base)
                + " --to " + Instant.ofEpochMilli(base + 240_000) + " it-press01").ok();
        assertTrue(setupOee, Pattern.compile("Setup and adjustments\\s*\\|\\s*1\\.0 min").matcher(setupOee).find());
    }

    @Test
    public void editedMachineFileAppliesWithoutRestart() throws Exception {
        editConfigurationFile("io.millwright.machine-it-press03.cfg", machine("it-press03", "itdev3", "1.0"));
        await("it-press03 defined", () -> runAsViewer("millwright:machine it-press03").output.contains("ideal cycle 1.0 s"));

        editConfigurationFile("io.millwright.machine-it-press03.cfg", machine("it-press03", "itdev3", "2.5"));

        await("ideal cycle time edited", () -> runAsViewer("millwright:machine it-press03").output.contains("ideal cycle 2.5 s"));
        deleteConfigurationFile("io.millwright.machine-it-press03.cfg");
        await("it-press03 removed", () -> !runAsViewer("millwright:machines").output.contains("it-press03"));
    }

    @Test
    public void invalidMachineFileIsRefusedByNameWhileOthersRun() throws Exception {
        editConfigurationFile("io.millwright.machine-it-good.cfg", machine("it-good", "itdev4", "1.0"));
        Map<String, String> bad = machine("it-bad", "itdev5", "fast");
        writeRaw("io.millwright.machine-it-bad.cfg", bad);
        try {
            await("refusal listed", () -> runAsViewer("millwright:config-refused").output.contains("it-bad"));
            String refused = runAsViewer("millwright:config-refused").ok();
            assertTrue(refused, refused.contains("io.millwright.machine-it-bad.cfg"));
            assertTrue(refused, refused.contains("idealCycleTime"));
            assertTrue(refused, refused.contains("fast"));
            String machines = runAsViewer("millwright:machines").ok();
            assertTrue(machines, machines.contains("it-good"));
            assertFalse(machines, machines.contains("it-bad"));
            String health = runAsViewer("millwright:health").output;
            assertTrue(health, health.contains("io.millwright.machine-it-bad.cfg"));
        } finally {
            deleteConfigurationFile("io.millwright.machine-it-bad.cfg");
            deleteConfigurationFile("io.millwright.machine-it-good.cfg");
        }
        await("refusal gone with its file", () -> !runAsViewer("millwright:config-refused").output.contains("it-bad"));
        assertEquals("OK", runAsViewer("millwright:health").output.substring(0, 2));
    }

    @Test
    public void calendarFileMakesAHolidayAPlannedStop() throws Exception {
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        Map<String, String> calendar = new LinkedHashMap<>();
        calendar.put("scope", "L9");
        calendar.put("timeZone", "UTC");
        calendar.put("shifts", "Day 00:00-00:00");
        calendar.put("holidays", today + ";" + tomorrow);
        Map<String, String> machine = machine("it-press09", "itdev9", "1.0");
        machine.put("line", "L9");
        try {
            editConfigurationFile("io.millwright.calendar-it-l9.cfg", calendar);
            editConfigurationFile("io.millwright.machine-it-press09.cfg", machine);
            await("it-press09 defined", () -> runAsViewer("millwright:machines").output.contains("it-press09"));
            SampleSink sink = waitForService(SampleSink.class, null);
            long now = System.currentTimeMillis();
            List<Sample> batch = new ArrayList<>();
            batch.add(Sample.ofBoolean("itdev9", "run", true, Quality.GOOD, null, now, now));
            batch.add(Sample.ofLong("itdev9", "fault", 0, Quality.GOOD, null, now, now));
            sink.accept(batch);
            await("holiday is a planned stop although the machine runs", () -> Pattern
                    .compile("it-press09\\s*\\|\\s*L9\\s*\\|\\s*PLANNED_STOP")
                    .matcher(runAsViewer("millwright:machines").output).find());
        } finally {
            deleteConfigurationFile("io.millwright.machine-it-press09.cfg");
            deleteConfigurationFile("io.millwright.calendar-it-l9.cfg");
        }
    }

    @Test
    public void deviceReportedOfflineMakesItsMachineOfflineNotDown() throws Exception {
        editConfigurationFile("io.millwright.machine-it-press08.cfg", machine("it-press08", "itdev8", "1.0"));
        try {
            await("it-press08 defined", () -> runAsViewer("millwright:machines").output.contains("it-press08"));
            SampleSink sink = waitForService(SampleSink.class, null);
            long now = System.currentTimeMillis();
            sink.accept(List.of(Sample.ofBoolean("itdev8", "run", true, Quality.GOOD, null, now, now),
                    Sample.ofLong("itdev8", "fault", 0, Quality.GOOD, null, now, now)));
            await("running", () -> state("it-press08").equals("RUNNING"));

            java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
            props.put(io.millwright.api.device.Device.PROP_ID, "itdev8");
            props.put(io.millwright.api.device.Device.PROP_PROTOCOL, "test");
            props.put(io.millwright.api.device.Device.PROP_STATUS, "OFFLINE");
            var registration = bundleContext.registerService(io.millwright.api.device.Device.class,
                    new TestDevice("itdev8"), props);
            try {
                await("offline with its device", () -> state("it-press08").equals("OFFLINE"));
                String health = runAsViewer("millwright:health").output;
                assertTrue(health, health.contains("device itdev8 (test)"));

                props.put(io.millwright.api.device.Device.PROP_STATUS, "ONLINE");
                registration.setProperties(props);
                long later = System.currentTimeMillis();
                sink.accept(List.of(Sample.ofBoolean("itdev8", "run", true, Quality.GOOD, null, later, later)));
                await("running again", () -> state("it-press08").equals("RUNNING"));
                String downtime = runAsViewer("millwright:downtime it-press08").ok();
                assertTrue("OFFLINE is a data gap, never downtime: " + downtime, downtime.contains("0 downtime(s)"));
            } finally {
                registration.unregister();
            }
        } finally {
            deleteConfigurationFile("io.millwright.machine-it-press08.cfg");
        }
    }

    private String state(String machineId) {
        Matcher m = Pattern.compile(Pattern.quote(machineId) + "\\s*\\|[^|]*\\|\\s*([A-Z_]+)")
                .matcher(runAsViewer("millwright:machines").output);
        return m.find() ? m.group(1) : "";
    }

    /** A device as a driver would register it; only its service properties matter here. */
    private static final class TestDevice implements io.millwright.api.device.Device {
        private final String id;

        TestDevice(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String protocol() {
            return "test";
        }

        @Override
        public io.millwright.api.device.DeviceStatus status() {
            return io.millwright.api.device.DeviceStatus.OFFLINE;
        }

        @Override
        public String statusDetail() {
            return "peer unreachable";
        }

        @Override
        public java.util.Optional<Instant> lastDataTime() {
            return java.util.Optional.empty();
        }

        @Override
        public long readCount() {
            return 0;
        }

        @Override
        public long errorCount() {
            return 0;
        }

        @Override
        public long reconnectCount() {
            return 0;
        }

        @Override
        public java.util.Optional<java.time.Duration> lastRoundTrip() {
            return java.util.Optional.empty();
        }

        @Override
        public List<io.millwright.api.device.TagStatus> tags() {
            return List.of();
        }
    }

    private static Map<String, String> machine(String id, String device, String idealCycle) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("id", id);
        props.put("site", "itest");
        props.put("line", "L1");
        props.put("running", device + "/run");
        props.put("faultCode", device + "/fault");
        props.put("totalCount", device + "/total");
        props.put("rejectCount", device + "/rej");
        props.put("idealCycleTime", idealCycle);
        props.put("microStopThreshold", "2");
        props.put("stalenessTimeout", "600");
        props.put("faultReasons", "17=MECH.JAM");
        return props;
    }

    private static Map<String, String> reasons() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("site", "itest");
        props.put("reasons", "MECH=Mechanical;MECH.JAM=Jam;CHG=Changeover;CHG.TOOL=Tool change");
        props.put("setupCategories", "CHG");
        return props;
    }

    private static void poll(List<Sample> batch, long t, long received, boolean running, long fault, long total,
                             long rejects) {
        batch.add(Sample.ofBoolean("itdev1", "run", running, Quality.GOOD, null, t, received));
        batch.add(Sample.ofLong("itdev1", "fault", fault, Quality.GOOD, null, t, received));
        batch.add(Sample.ofLong("itdev1", "total", total, Quality.GOOD, null, t, received));
        batch.add(Sample.ofLong("itdev1", "rej", rejects, Quality.GOOD, null, t, received));
    }

    private static void writeRaw(String fileName, Map<String, String> properties) throws Exception {
        StringBuilder text = new StringBuilder();
        properties.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(Paths.get(System.getProperty("karaf.etc"), fileName), text.toString());
    }

    static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
