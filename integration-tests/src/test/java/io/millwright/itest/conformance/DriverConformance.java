package io.millwright.itest.conformance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.millwright.api.device.Device;
import io.millwright.api.device.DeviceStatus;
import io.millwright.api.device.TagStatus;
import io.millwright.api.sample.Sample;
import io.millwright.itest.MillwrightTestSupport;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The bar every driver passes against its own peer, so that a future driver inherits it: the peer
 * drops away and returns (OFFLINE, ONLINE by itself, no thread growth across many reconnects),
 * answers slowly (timeouts, no backlog afterwards), answers errors for some tags (only those BAD,
 * with the reason), configuration is edited while running (other devices undisturbed), and the
 * driver bundle is updated while data flows. A driver's class extends this with its
 * {@link ConformancePeer}.
 */
public abstract class DriverConformance extends MillwrightTestSupport {

    /** The bar: no thread growth across this many reconnects. */
    protected static final int RECONNECTS = 50;
    private static final int THREAD_TOLERANCE = 5;

    protected abstract ConformancePeer peer();

    /**
     * Every driver's class declares the kit's checks itself, each calling the one here. Inherited
     * test methods are not enough: with several subclasses in one Pax Exam container, every one of
     * them ran the checks of a single subclass (PAXEXAM-747; in the full suite OpcUaConformanceIT
     * and MqttConformanceIT ran the Modbus peer).
     */
    @Before
    public void everyCheckIsDeclaredByTheDriversClass() {
        for (Method check : DriverConformance.class.getDeclaredMethods()) {
            if (check.isAnnotationPresent(Test.class)) {
                try {
                    getClass().getDeclaredMethod(check.getName());
                } catch (NoSuchMethodException e) {
                    throw new AssertionError(getClass().getSimpleName() + " must declare @Test public void "
                            + check.getName() + "() calling super's (PAXEXAM-747: inherited tests run another subclass)");
                }
            }
        }
    }

    /** Starts the peer behind a faulty link; returns the link. Files written are removed by {@link #stop}. */
    private FaultyLink start(Map<String, Map<String, String>> written) throws Exception {
        ConformancePeer peer = peer();
        org.slf4j.LoggerFactory.getLogger(DriverConformance.class).warn("conformance kit: {} against its peer ({})",
                peer.driverName(), getClass().getSimpleName());
        installFeature(peer.driverFeature());
        for (String feature : peer.peerFeatures()) {
            installFeature(feature);
        }
        int peerPort = peer.runningPeerPort(configurationAdmin).orElse(freePort());
        for (Map.Entry<String, Map<String, String>> file : peer.peerFiles(peerPort).entrySet()) {
            editConfigurationFile(file.getKey(), file.getValue());
            written.put(file.getKey(), file.getValue());
        }
        return new FaultyLink(peerPort);
    }

    private void addDevice(Map<String, Map<String, String>> written, String id, Map<String, String> device)
            throws Exception {
        String file = peer().deviceFile(id);
        editConfigurationFile(file, device);
        written.put(file, device);
    }

    private void stop(Map<String, Map<String, String>> written) throws Exception {
        // devices first, then the peer
        for (String file : written.keySet()) {
            if (file.contains(".driver.")) {
                deleteConfigurationFile(file);
            }
        }
        for (String file : written.keySet()) {
            if (!file.contains(".driver.")) {
                deleteConfigurationFile(file);
            }
        }
    }

    @Test
    public void thePeerGoesAwayAndComesBackWithoutThreadGrowth() throws Exception {
        Map<String, Map<String, String>> written = new LinkedHashMap<>();
        try (FaultyLink link = start(written)) {
            addDevice(written, "cf-away", peer().device("cf-away", link.port(), false));
            awaitDevice("cf-away", DeviceStatus.ONLINE);
            awaitFreshCount("cf-away");

            link.down();
            awaitDevice("cf-away", DeviceStatus.OFFLINE);
            link.up();
            awaitDevice("cf-away", DeviceStatus.ONLINE);
            awaitFreshCount("cf-away");

            int threads = liveThreads();
            for (int i = 1; i <= RECONNECTS; i++) {
                int before = link.accepted();
                link.cut();
                int round = i;
                awaitFor("reconnect " + round + " of " + RECONNECTS, Duration.ofSeconds(60),
                        () -> link.accepted() > before && status("cf-away") == DeviceStatus.ONLINE);
            }
            awaitFreshCount("cf-away");
            awaitFor("live threads back near " + threads + " after " + RECONNECTS + " reconnects",
                    Duration.ofSeconds(30), () -> liveThreads() <= threads + THREAD_TOLERANCE);
        } finally {
            stop(written);
        }
    }

    @Test
    public void aSlowPeerTimesOutAndLeavesNoBacklog() throws Exception {
        Map<String, Map<String, String>> written = new LinkedHashMap<>();
        try (FaultyLink link = start(written)) {
            Map<String, String> device = peer().device("cf-slow", link.port(), false);
            device.putAll(peer().shortTimeout());
            addDevice(written, "cf-slow", device);
            awaitDevice("cf-slow", DeviceStatus.ONLINE);
            awaitFreshCount("cf-slow");
            int threads = liveThreads();
            long errors = device("cf-slow").errorCount();

            link.slow(3_000);
            awaitFor("cf-slow counts timeouts while the peer is slow", Duration.ofSeconds(60),
                    () -> device("cf-slow").errorCount() > errors || status("cf-slow") != DeviceStatus.ONLINE);
            Thread.sleep(5_000);
            assertTrue("threads while slow: " + liveThreads() + ", before " + threads,
                    liveThreads() <= threads + THREAD_TOLERANCE);

            link.slow(0);
            awaitDevice("cf-slow", DeviceStatus.ONLINE);
            // no backlog: data from now, not answers queued up while slow, arrives promptly
            awaitFreshCount("cf-slow");
            awaitFor("live threads back near " + threads, Duration.ofSeconds(30),
                    () -> liveThreads() <= threads + THREAD_TOLERANCE);
        } finally {
            stop(written);
        }
    }

    @Test
    public void onlyTheTagsThePeerRefusesAreBadWithTheReason() throws Exception {
        Map<String, Map<String, String>> written = new LinkedHashMap<>();
        try (FaultyLink link = start(written)) {
            addDevice(written, "cf-tags", peer().device("cf-tags", link.port(), true));
            awaitFor("cf-tags: broken BAD with '" + peer().brokenReason() + "', count GOOD",
                    Duration.ofSeconds(60), () -> {
                        Optional<Sample> broken = last("cf-tags", "broken");
                        return broken.isPresent() && !broken.get().isGood()
                                && broken.get().qualityReason().toLowerCase().contains(peer().brokenReason())
                                && last("cf-tags", "count").map(Sample::isGood).orElse(false);
                    });
            awaitDevice("cf-tags", DeviceStatus.DEGRADED);
            awaitFreshCount("cf-tags");
        } finally {
            stop(written);
        }
    }

    @Test
    public void editingOneDeviceLeavesTheOthersAlone() throws Exception {
        Map<String, Map<String, String>> written = new LinkedHashMap<>();
        try (FaultyLink link = start(written)) {
            addDevice(written, "cf-edit", peer().device("cf-edit", link.port(), false));
            addDevice(written, "cf-other", peer().device("cf-other", link.port(), false));
            awaitDevice("cf-edit", DeviceStatus.ONLINE);
            awaitDevice("cf-other", DeviceStatus.ONLINE);
            awaitFreshCount("cf-other");
            long otherService = serviceId("cf-other");

            Map<String, String> edited = peer().device("cf-edit", link.port(), true);
            addDevice(written, "cf-edit", edited);
            awaitFor("cf-edit runs its edited file (tag 'broken' added)", Duration.ofSeconds(60),
                    () -> last("cf-edit", "broken").isPresent());
            assertEquals("cf-other's Device service was not replaced", otherService, serviceId("cf-other"));
            awaitFreshCount("cf-other");
        } finally {
            stop(written);
        }
    }

    @Test
    public void theDriverIsUpdatedWhileDataFlows() throws Exception {
        Map<String, Map<String, String>> written = new LinkedHashMap<>();
        try (FaultyLink link = start(written)) {
            addDevice(written, "cf-update", peer().device("cf-update", link.port(), false));
            awaitDevice("cf-update", DeviceStatus.ONLINE);
            awaitFreshCount("cf-update");
            Bundle driver = bundle(peer().driverFeature());
            String original = driver.getLocation();
            Path jars = Files.createTempDirectory("conformance");
            Path jar = io.millwright.itest.DriverJars.rebuild(driver, "0.1.1.conformance", jars);

            String out = runAsAdmin("millwright:driver-update --timeout 60 " + peer().driverName() + " " + jar.toUri(),
                    Duration.ofSeconds(150)).ok();
            assertTrue(out, out.contains("Updated " + driver.getSymbolicName()));
            assertTrue(out, out.contains("cf-update ONLINE, data after"));
            assertTrue(out, out.contains("Other bundles: untouched"));
            String back = runAsAdmin("millwright:driver-update " + peer().driverName() + " " + original,
                    Duration.ofSeconds(150)).ok();
            assertTrue(back, back.contains("Updated " + driver.getSymbolicName()));
            awaitFreshCount("cf-update");
        } finally {
            stop(written);
        }
    }

    // --- helpers ------------------------------------------------------------------------------

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Threads of the container, without the test's own (the faulty link's pumps come and go). */
    private static int liveThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.getName().startsWith("itest-")).count();
    }

    private ServiceReference<Device> reference(String id) {
        try {
            var refs = bundleContext.getServiceReferences(Device.class, "(" + Device.PROP_ID + "=" + id + ")");
            return refs.isEmpty() ? null : refs.iterator().next();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private long serviceId(String id) {
        ServiceReference<Device> ref = reference(id);
        if (ref == null) {
            throw new AssertionError("no Device service " + id);
        }
        return (Long) ref.getProperty(org.osgi.framework.Constants.SERVICE_ID);
    }

    private Device device(String id) {
        ServiceReference<Device> ref = reference(id);
        Device device = ref == null ? null : bundleContext.getService(ref);
        if (device == null) {
            throw new AssertionError("no Device service " + id);
        }
        bundleContext.ungetService(ref);
        return device;
    }

    private DeviceStatus status(String id) {
        ServiceReference<Device> ref = reference(id);
        return ref == null ? null : DeviceStatus.valueOf((String) ref.getProperty(Device.PROP_STATUS));
    }

    private Optional<Sample> last(String id, String tag) {
        try {
            for (TagStatus t : device(id).tags()) {
                if (t.name().equals(tag)) {
                    return Optional.ofNullable(t.last());
                }
            }
        } catch (AssertionError gone) {
            // being replaced
        }
        return Optional.empty();
    }

    private void awaitDevice(String id, DeviceStatus status) throws InterruptedException {
        awaitFor(id + " " + status, Duration.ofSeconds(60), () -> status(id) == status);
    }

    /** The count tag delivers a GOOD value received after now, twice with different values: data flows. */
    private void awaitFreshCount(String id) throws InterruptedException {
        Instant from = Instant.now();
        long[] first = {Long.MIN_VALUE};
        Predicate<Sample> fresh = s -> s.isGood() && s.receiveTime() > from.toEpochMilli();
        awaitFor(id + ": count changing after " + from, Duration.ofSeconds(60), () -> {
            Optional<Sample> s = last(id, "count").filter(fresh);
            if (s.isEmpty()) {
                return false;
            }
            if (first[0] == Long.MIN_VALUE) {
                first[0] = s.get().asLong();
                return false;
            }
            return s.get().asLong() != first[0];
        });
    }
}
