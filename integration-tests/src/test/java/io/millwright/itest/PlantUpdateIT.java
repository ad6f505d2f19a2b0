package io.millwright.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.millwright.api.simulation.MachineSnapshot;
import io.millwright.api.simulation.PlantListener;
import io.millwright.api.simulation.SimulatedPlant;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventHandler;

/**
 * Every driver (Modbus, OPC UA, MQTT) updated again and again while the simulated plant counts at 1 kHz on each protocol
 * at once: afterwards the core's counts equal the simulator's for every machine, no machine
 * changed state, no other bundle was touched, threads and loaded classes are back to their level
 * and the old class loaders are gone. {@code -Dmillwright.updates=N} (default 20) sets the rounds;
 * the figures (data gap per update, p50 and max) are printed for benchmarks/RESULTS.md.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PlantUpdateIT extends MillwrightTestSupport {

    private static final Duration COMMAND_TIME = Duration.ofSeconds(150);
    private static final Pattern GAP = Pattern.compile("data after (\\d+) ms");

    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return distribution();
    }

    /** One protocol of the load: a simulated machine, the device reading it, the machine judging it. */
    private record Line(String driver, String bundle, String machine, Map<String, Map<String, String>> files) {
    }

    private static Map<String, String> simulated(String id) {
        Map<String, String> sim = new LinkedHashMap<>();
        sim.put("id", id);
        sim.put("seed", "11");
        sim.put("cycleTimeMs", "1");
        sim.put("cycleJitter", "0");
        sim.put("rejectRate", "0");
        sim.put("faultsPerHour", "0");
        sim.put("minorStopsPerHour", "0");
        sim.put("starvationsPerHour", "0");
        return sim;
    }

    private static Map<String, String> machine(String id, String device) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("site", "itest");
        m.put("line", "LOAD");
        m.put("running", device + "/running");
        m.put("totalCount", device + "/total");
        m.put("idealCycleTime", "0.001");
        m.put("countMode", "cumulative");
        m.put("counterBits", "32");
        m.put("stalenessTimeout", "20");
        return m;
    }

    private static Line modbus() throws Exception {
        int port = UnpackedDistribution.freePort();
        Map<String, String> sim = simulated("ldmb");
        sim.put("modbus.port", Integer.toString(port));
        Map<String, String> device = new LinkedHashMap<>();
        device.put("id", "ldmbdev");
        device.put("host", "127.0.0.1");
        device.put("port", Integer.toString(port));
        device.put("pollInterval", "100");
        device.put("timeout", "1000");
        device.put("tag.running", "coil 0 bool");
        device.put("tag.total", "holding 2 uint32");
        Map<String, Map<String, String>> files = new LinkedHashMap<>();
        files.put("io.millwright.simulator-ldmb.cfg", sim);
        files.put("io.millwright.driver.modbus-ldmbdev.cfg", device);
        files.put("io.millwright.machine-ldmb-m.cfg", machine("ldmb-m", "ldmbdev"));
        return new Line("modbus", "millwright-driver-modbus", "ldmb", files);
    }

    private static Line opcua() throws Exception {
        int port = UnpackedDistribution.freePort();
        Map<String, String> sim = simulated("ldua");
        sim.put("modbus.enabled", "false");
        Map<String, String> face = new LinkedHashMap<>();
        face.put("port", Integer.toString(port));
        Map<String, String> device = new LinkedHashMap<>();
        device.put("id", "ldua" + "dev");
        device.put("endpointUrl", "opc.tcp://127.0.0.1:" + port);
        device.put("publishingInterval", "100");
        device.put("tag.running", "ns=2;s=ldua/Running bool");
        device.put("tag.total", "ns=2;s=ldua/TotalCount long");
        Map<String, Map<String, String>> files = new LinkedHashMap<>();
        files.put("io.millwright.simulator-ldua.cfg", sim);
        files.put("io.millwright.simulator.opcua.cfg", face);
        files.put("io.millwright.driver.opcua-ldua" + "dev.cfg", device);
        files.put("io.millwright.machine-ldua-m.cfg", machine("ldua-m", "ldua" + "dev"));
        return new Line("opcua", "millwright-driver-opcua", "ldua", files);
    }

    /** The MQTT line: the simulator's MQTT face publishes JSON to the container's embedded broker. */
    private Line mqtt() throws Exception {
        Object brokerPort = configurationAdmin.getConfiguration("io.millwright.mqtt.broker", "?").getProperties().get("port");
        Map<String, String> sim = simulated("ldmq");
        sim.put("modbus.enabled", "false");
        Map<String, String> face = new LinkedHashMap<>();
        face.put("brokerUri", "tcp://127.0.0.1:" + brokerPort);
        face.put("format", "json");
        face.put("publishIntervalMs", "100");
        face.put("refreshMs", "1000");
        Map<String, String> connection = new LinkedHashMap<>();
        connection.put("id", "c-ldmq");
        connection.put("uri", "tcp://127.0.0.1:" + brokerPort);
        connection.put("clientId", "plant-update-ldmq");
        connection.put("device.ldmqdev.format", "json");
        connection.put("device.ldmqdev.topic", "millwright/sim/ldmq");
        connection.put("device.ldmqdev.qos", "1");
        connection.put("device.ldmqdev.timestamp", "/ts");
        connection.put("device.ldmqdev.tag.running", "/running boolean");
        connection.put("device.ldmqdev.tag.total", "/totalCount long");
        Map<String, Map<String, String>> files = new LinkedHashMap<>();
        files.put("io.millwright.simulator-ldmq.cfg", sim);
        files.put("io.millwright.simulator.mqtt.cfg", face);
        files.put("io.millwright.driver.mqtt-ldmq.cfg", connection);
        files.put("io.millwright.machine-ldmq-m.cfg", machine("ldmq-m", "ldmqdev"));
        return new Line("mqtt", "millwright-driver-mqtt", "ldmq", files);
    }

    @Test
    public void everyDriverUpdatedUnderLoadLosesNothingAndLeavesNothingBehind() throws Exception {
        int updates = Integer.getInteger("millwright.updates", 20);
        for (String feature : List.of("millwright-store-derby", "millwright-simulator", "millwright-simulator-opcua",
                "millwright-mqtt-broker", "millwright-simulator-mqtt", "millwright-driver-modbus",
                "millwright-driver-opcua", "millwright-driver-mqtt")) {
            installFeature(feature);
        }
        List<Line> lines = List.of(modbus(), opcua(), mqtt());
        Map<String, MachineSnapshot> simulator = new ConcurrentHashMap<>();
        SimulatedPlant plant = waitForService(SimulatedPlant.class, null);
        PlantListener follower = new PlantListener() {
            @Override
            public void machineAdded(String id, MachineSnapshot now) {
                simulator.put(id, now);
            }

            @Override
            public void machineChanged(String id, MachineSnapshot snapshot) {
                simulator.put(id, snapshot);
            }

            @Override
            public void machineRemoved(String id) {
                simulator.remove(id);
            }
        };
        plant.addListener(follower);
        List<String> stateChanges = new CopyOnWriteArrayList<>();
        ServiceRegistration<EventHandler> states = null;
        Path jars = Files.createTempDirectory("plant-update-it");
        try {
            Map<String, Long> pausedAt = new LinkedHashMap<>();
            for (Line line : lines) {
                Map.Entry<String, Map<String, String>> sim = line.files().entrySet().iterator().next();
                editConfigurationFile(sim.getKey(), sim.getValue());
                awaitFor(line.machine() + " simulated", Duration.ofSeconds(60), () -> simulator.containsKey(line.machine()));
                // the core's first reading of the counter is its baseline: take it while paused, so
                // every part made afterwards is one the core must count
                runAsAdmin("millwright:sim-pause " + line.machine()).ok();
                pausedAt.put(line.machine(), simulator.get(line.machine()).totalCount());
            }
            for (Line line : lines) {
                for (Map.Entry<String, Map<String, String>> f : line.files().entrySet()) {
                    editConfigurationFile(f.getKey(), f.getValue());
                }
            }
            for (Line line : lines) {
                await(line.machine() + "-m read while paused", () -> {
                    String row = line(runAsViewer("millwright:machines").output, line.machine() + "-m");
                    return row.contains("IDLE");
                });
                runAsAdmin("millwright:sim-resume " + line.machine()).ok();
            }
            for (Line line : lines) {
                await(line.machine() + "-m RUNNING", () ->
                        line(runAsViewer("millwright:machines").output, line.machine() + "-m").contains("RUNNING"));
            }
            states = onStateChanges("(|(machine.id=ldmb-m)(machine.id=ldua-m)(machine.id=ldmq-m))", stateChanges);
            Instant loadStarted = Instant.now();

            List<Bundle> drivers = lines.stream().map(l -> bundle(l.bundle())).toList();
            Map<Long, String> others = bundlesExcept(drivers);
            List<String> otherEvents = Collections.synchronizedList(new ArrayList<>());
            BundleListener watch = e -> {
                if (!drivers.contains(e.getBundle()) && e.getType() != BundleEvent.STARTING
                        && e.getType() != BundleEvent.STOPPING) {
                    otherEvents.add(e.getBundle().getSymbolicName() + " " + e.getType());
                }
            };
            bundleContext.addBundleListener(watch);
            Map<String, String> originals = new LinkedHashMap<>();
            drivers.forEach(d -> originals.put(d.getSymbolicName(), d.getLocation()));
            int threadsBefore = 0;
            int classesBefore = 0;
            List<ClassLoaderRelease> oldLoaders = new ArrayList<>();
            Map<String, List<Long>> gaps = new LinkedHashMap<>();
            try {
                for (int i = 1; i <= updates; i++) {
                    if (i == 2) {
                        // the level to come back to: after one round has loaded what updating needs
                        // (the command, the shell's ACL checks, jar handling), with the first old loaders gone
                        for (ClassLoaderRelease loader : oldLoaders) {
                            loader.collectedWithin(Duration.ofSeconds(10));
                        }
                        unloadClasses();
                        threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
                        classesBefore = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
                    }
                    for (int d = 0; d < lines.size(); d++) {
                        Line line = lines.get(d);
                        Bundle driver = drivers.get(d);
                        oldLoaders.add(ClassLoaderRelease.of(driver));
                        Path jar = DriverJars.rebuild(driver, "0.1.1.pu" + i, jars);
                        String out = runAsAdmin("millwright:driver-update --timeout 60 " + line.driver() + " "
                                + jar.toUri(), COMMAND_TIME).ok();
                        assertTrue(out, out.contains("Updated " + line.bundle()));
                        assertTrue(out, out.contains("Other bundles: untouched"));
                        Matcher gap = GAP.matcher(out);
                        assertTrue(out, gap.find());
                        gaps.computeIfAbsent(line.driver(), k -> new ArrayList<>()).add(Long.parseLong(gap.group(1)));
                        Files.delete(jar);
                    }
                }
                for (int d = 0; d < lines.size(); d++) {
                    runAsAdmin("millwright:driver-update " + lines.get(d).driver() + " "
                            + originals.get(lines.get(d).bundle()), COMMAND_TIME).ok();
                    oldLoaders.add(ClassLoaderRelease.of(drivers.get(d)));
                }
            } finally {
                bundleContext.removeBundleListener(watch);
            }
            states.unregister();
            states = null;
            for (Line line : lines) {
                runAsAdmin("millwright:sim-pause " + line.machine()).ok();
            }

            // the last count bucket closes a minute after it opened (+5 s grace)
            for (Line line : lines) {
                long made = simulator.get(line.machine()).totalCount() - pausedAt.get(line.machine());
                java.util.concurrent.atomic.AtomicLong stored = new java.util.concurrent.atomic.AtomicLong(-1);
                try {
                    awaitFor(line.machine() + "-m: the store holds the " + made + " parts the simulator made",
                            Duration.ofSeconds(100), () -> {
                                stored.set(storedCounts(line.machine() + "-m", loadStarted));
                                return stored.get() == made;
                            });
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + ": it holds " + stored.get(), e);
                }
            }
            assertEquals("state changes while the drivers were updated", List.of(), stateChanges);
            assertEquals("other bundles (id -> state, last modified)", others, bundlesExcept(drivers));
            assertEquals("events of other bundles", List.of(), otherEvents);
            // every generation replaced, the feature's first one included (the last ones run now)
            List<ClassLoaderRelease> replaced = oldLoaders.subList(0, oldLoaders.size() - lines.size());
            ClassLoaderRelease.rollLogBuffers();
            for (ClassLoaderRelease loader : replaced) {
                loader.collectedWithin(Duration.ofSeconds(30));
            }
            unloadClasses();
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            int classesAfter = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
            StringBuilder figures = new StringBuilder();
            figures.append(String.format("updates per driver: %d (level taken after the first round)%n", updates));
            figures.append(String.format("threads: %d -> %d%nloaded classes: %d -> %d%n", threadsBefore, threadsAfter,
                    classesBefore, classesAfter));
            for (Line line : lines) {
                long made = simulator.get(line.machine()).totalCount() - pausedAt.get(line.machine());
                figures.append(String.format("%s: parts made %d, stored %d, lost %d%n", line.driver(), made,
                        storedCounts(line.machine() + "-m", loadStarted),
                        made - storedCounts(line.machine() + "-m", loadStarted)));
            }
            gaps.forEach((driver, list) -> figures.append(String.format("%s data gap ms: p50 %d, max %d, all %s%n",
                    driver, percentile(list, 50), Collections.max(list), list)));
            Files.writeString(Path.of(System.getProperty("millwright.update.figures")), figures.toString());
            for (ClassLoaderRelease loader : replaced) {
                assertTrue(loader + " still reachable: " + loader.suspects(), loader.collectedWithin(Duration.ofSeconds(30)));
            }
            assertTrue("threads " + threadsBefore + " -> " + threadsAfter, threadsAfter <= threadsBefore + 5);
            // a leak keeps whole driver generations (hundreds of classes each, times every update);
            // the JDK's own lambda forms and the shell add a few dozen along the way
            assertTrue("loaded classes " + classesBefore + " -> " + classesAfter, classesAfter <= classesBefore + 300);
        } finally {
            if (states != null) {
                states.unregister();
            }
            plant.removeListener(follower);
            for (Line line : lines) {
                List<String> files = new ArrayList<>(line.files().keySet());
                Collections.reverse(files);
                for (String f : files) {
                    deleteConfigurationFile(f);
                }
            }
        }
    }

    /**
     * Full collections: a loader found unreachable by a young collection has its classes unloaded
     * only by a full one, so counting loaded classes before that counts the dead generations too.
     */
    private static void unloadClasses() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
