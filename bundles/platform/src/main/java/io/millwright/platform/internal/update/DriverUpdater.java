package io.millwright.platform.internal.update;

import io.millwright.platform.internal.ShellUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a running driver bundle with a new version and keeps it only if its devices come back:
 * the new jar is fetched and checked against the running system first, only the driver (and what
 * is wired to it, which for a driver is nothing) is refreshed, and when its devices are not back
 * and delivering data in time the previous version is put back the same way. One update at a time.
 */
@Component(service = DriverUpdater.class, configurationPid = DriverUpdater.PID)
@Designate(ocd = DriverUpdateConfig.class)
public class DriverUpdater {

    static final String PID = "io.millwright.platform.driverupdate";
    private static final Logger LOG = LoggerFactory.getLogger(DriverUpdater.class);
    /** Routed to security.log with the logins (etc/org.ops4j.pax.logging.cfg, logger "audit"). */
    private static final Logger AUDIT = LoggerFactory.getLogger("audit.millwright.driver-update");
    private static final long POLL_MS = 200;
    private static final long PROGRESS_MS = 2000;
    /** DS 1.4 FAILED_ACTIVATION, spelled out as in the health check. */
    private static final int FAILED_ACTIVATION = 16;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ServiceComponentRuntime scr;

    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final Clock clock = Clock.systemUTC();
    private BundleContext context;
    private volatile DriverUpdateConfig config;

    /** What an update would do: checked, nothing changed. */
    public record Plan(Bundle driver, Version from, IncomingJar jar, ResolutionCheck.Result resolution,
            List<String> refreshed, List<DeviceWatch.Before> devices) {
    }

    /** How an update ended. */
    public enum Result { UPDATED, ROLLED_BACK, ROLLBACK_FAILED }

    public record Outcome(Result result, String driver, Version from, Version to, String reason,
            List<DeviceWatch.After> devices, List<String> otherBundleEvents, Duration took) {
    }

    @Activate
    @Modified
    void activate(BundleContext context, DriverUpdateConfig config) {
        requirePositive("timeoutSeconds", config.timeoutSeconds());
        requirePositive("dataWindowSeconds", config.dataWindowSeconds());
        this.context = context;
        this.config = config;
    }

    private static void requirePositive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(PID + ".cfg refused: " + key + " = " + value + ": must be at least 1");
        }
    }

    public Duration defaultTimeout() {
        return Duration.ofSeconds(config.timeoutSeconds());
    }

    /** Fetches and checks the new version: the dry run, and the first step of every update. */
    public Plan plan(String driver, String url) throws IOException {
        Bundle bundle = DriverBundles.find(context, driver);
        String name = bundle.getSymbolicName();
        IncomingJar jar = IncomingJar.fetch(url, area(name).resolve("incoming.jar"));
        if (!name.equals(jar.symbolicName())) {
            throw new IllegalArgumentException(url + " is bundle " + jar.symbolicName() + ", not the driver " + name);
        }
        ResolutionCheck.Result resolution = ResolutionCheck.check(jar.manifest(), offeredExcept(bundle));
        List<String> refreshed = new ArrayList<>();
        for (Bundle b : wiring().getDependencyClosure(Set.of(bundle))) {
            if (!b.equals(bundle)) {
                refreshed.add(b.getSymbolicName() + " [" + b.getBundleId() + "]");
            }
        }
        DeviceWatch devices = DeviceWatch.of(context, bundle, clock.instant(), dataWindow());
        return new Plan(bundle, bundle.getVersion(), jar, resolution, refreshed, devices.before());
    }

    /**
     * Updates {@code driver} from {@code url}, waits up to {@code timeout} for its devices, and
     * rolls back by itself when they do not come back. {@code progress} gets one line now and then.
     *
     * @throws IllegalStateException when another update runs, or the new version would not resolve
     *         (nothing was changed then)
     */
    public Outcome update(String driver, String url, Duration timeout, Consumer<String> progress) throws Exception {
        if (!oneAtATime.tryLock()) {
            throw new IllegalStateException("another driver update is running; try again when it has finished");
        }
        try {
            return updateLocked(driver, url, timeout, progress);
        } finally {
            oneAtATime.unlock();
        }
    }

    private Outcome updateLocked(String driver, String url, Duration timeout, Consumer<String> progress)
            throws Exception {
        String user = ShellUser.current();
        Plan plan = plan(driver, url);
        Bundle bundle = plan.driver();
        String name = bundle.getSymbolicName();
        if (!plan.resolution().resolves()) {
            throw new IllegalStateException(name + " " + plan.jar().version() + " from " + url
                    + " would not resolve, nothing changed:\n  " + String.join("\n  ", plan.resolution().missing()));
        }
        Path previous = copyOfRunning(bundle);
        Instant start = clock.instant();
        DeviceWatch watch = DeviceWatch.of(context, bundle, start, dataWindow());
        LOG.info("{} updating {} {} to {} from {}", user, name, plan.from(), plan.jar().version(), url);
        try (BundleEventLog others = new BundleEventLog(context, bundle)) {
            progress.accept("Updating " + name + " " + plan.from() + " -> " + plan.jar().version() + "; waiting up to "
                    + timeout.toSeconds() + " s for " + DeviceWatch.describe(watch.before()));
            String failure = install(bundle, plan.jar().file());
            Wait wait = failure == null ? waitForDevices(bundle, watch, start, timeout, progress) : Wait.failed(failure);
            if (wait.ok()) {
                keepAsRunning(bundle, plan.jar().file());
                Outcome outcome = new Outcome(Result.UPDATED, name, plan.from(), plan.jar().version(), "",
                        wait.devices(), others.others(), Duration.between(start, clock.instant()));
                audit(user, url, outcome);
                return outcome;
            }
            progress.accept("Not back: " + wait.reason() + "; rolling back to " + plan.from());
            Instant back = clock.instant();
            String rollbackFailure = install(bundle, previous);
            Wait after = rollbackFailure == null
                    ? waitForDevices(bundle, watch, back, timeout, progress) : Wait.failed(rollbackFailure);
            Outcome outcome = new Outcome(after.ok() ? Result.ROLLED_BACK : Result.ROLLBACK_FAILED, name, plan.from(),
                    plan.jar().version(), wait.reason() + (after.ok() ? "" : "; after the rollback: " + after.reason()),
                    after.devices(), others.others(), Duration.between(start, clock.instant()));
            audit(user, url, outcome);
            return outcome;
        }
    }

    /** Puts {@code jar} in place of the running revision; returns why it does not run, or null. */
    private String install(Bundle bundle, Path jar) {
        try (InputStream in = Files.newInputStream(jar)) {
            bundle.update(in);
        } catch (IOException | BundleException e) {
            return "update failed: " + e.getMessage();
        }
        Collection<Bundle> pending = wiring().getRemovalPendingBundles();
        if (pending.contains(bundle)) {
            // the old revision is still wired to others: refresh just the driver's closure
            CountDownLatch refreshed = new CountDownLatch(1);
            wiring().refreshBundles(Set.of(bundle), e -> {
                if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                    refreshed.countDown();
                }
            });
            try {
                if (!refreshed.await(60, TimeUnit.SECONDS)) {
                    return "refresh did not finish within 60 s";
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while refreshing";
            }
        }
        if (bundle.getState() != Bundle.ACTIVE) {
            try {
                bundle.start();
            } catch (BundleException e) {
                return "does not start: " + e.getMessage();
            }
        }
        return null;
    }

    private record Wait(boolean ok, String reason, List<DeviceWatch.After> devices) {
        static Wait failed(String reason) {
            return new Wait(false, reason, List.of());
        }
    }

    private Wait waitForDevices(Bundle bundle, DeviceWatch watch, Instant start, Duration timeout,
            Consumer<String> progress) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextProgress = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROGRESS_MS);
        List<DeviceWatch.After> devices = List.of();
        while (true) {
            if (bundle.getState() != Bundle.ACTIVE) {
                return new Wait(false, "bundle is not active (state " + bundle.getState() + ")", devices);
            }
            String failed = failedComponents(bundle);
            if (failed != null) {
                return new Wait(false, failed, devices);
            }
            devices = watch.check(context, bundle, start);
            if (DeviceWatch.allBack(devices)) {
                return new Wait(true, "", devices);
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                return new Wait(false, "devices not back within " + timeout.toSeconds() + " s: "
                        + DeviceWatch.describe(devices), devices);
            }
            if (now - nextProgress >= 0) {
                progress.accept("  " + Duration.between(start, clock.instant()).toSeconds() + " s: "
                        + DeviceWatch.describe(devices));
                nextProgress = now + TimeUnit.MILLISECONDS.toNanos(PROGRESS_MS);
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** The driver's components that failed to activate, with the exception, or null. */
    private String failedComponents(Bundle bundle) {
        ServiceComponentRuntime runtime = scr;
        if (runtime == null) {
            return null;
        }
        List<String> failures = new ArrayList<>();
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                if (configuration.state == FAILED_ACTIVATION) {
                    failures.add(description.name + " failed to activate: " + configuration.failure.lines().findFirst()
                            .orElse(""));
                }
            }
        }
        return failures.isEmpty() ? null : String.join("; ", failures);
    }

    /**
     * A copy of the running version to roll back to: the jar this command installed last, when
     * the bundle has not changed since, else what its location holds if that is the same version.
     */
    private Path copyOfRunning(Bundle bundle) throws IOException {
        Path area = area(bundle.getSymbolicName());
        Path running = area.resolve("running.jar");
        Path stamp = area.resolve("running.properties");
        if (Files.isRegularFile(running) && Files.isRegularFile(stamp)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(stamp)) {
                p.load(in);
            }
            if (Long.toString(bundle.getLastModified()).equals(p.getProperty("lastModified"))) {
                return running;
            }
        }
        IncomingJar fromLocation = IncomingJar.fetch(bundle.getLocation(), area.resolve("previous.jar"));
        if (!fromLocation.symbolicName().equals(bundle.getSymbolicName())
                || !fromLocation.version().equals(bundle.getVersion())) {
            throw new IllegalStateException("cannot keep a copy of the running " + bundle.getSymbolicName() + " "
                    + bundle.getVersion() + " to roll back to: its location " + bundle.getLocation() + " now holds "
                    + fromLocation.symbolicName() + " " + fromLocation.version() + "; nothing changed");
        }
        return fromLocation.file();
    }

    private void keepAsRunning(Bundle bundle, Path jar) throws IOException {
        Path area = area(bundle.getSymbolicName());
        Files.copy(jar, area.resolve("running.jar"), StandardCopyOption.REPLACE_EXISTING);
        Properties p = new Properties();
        p.setProperty("lastModified", Long.toString(bundle.getLastModified()));
        p.setProperty("version", bundle.getVersion().toString());
        try (OutputStream out = Files.newOutputStream(area.resolve("running.properties"))) {
            p.store(out, "the driver jar millwright:driver-update installed last");
        }
    }

    private void audit(String user, String url, Outcome o) {
        String line = String.format("%s driver-update user=%s driver=%s from=%s to=%s source=%s result=%s took=%dms%s",
                clock.instant(), user, o.driver(), o.from(), o.to(), url, o.result(), o.took().toMillis(),
                o.reason().isEmpty() ? "" : " reason=\"" + o.reason() + "\"");
        AUDIT.info(line);
        if (o.result() == Result.UPDATED) {
            LOG.info(line);
        } else {
            LOG.warn(line);
        }
    }

    private List<ResolutionCheck.Offered> offeredExcept(Bundle replaced) {
        List<ResolutionCheck.Offered> offered = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.equals(replaced) || (b.getState() & (Bundle.INSTALLED | Bundle.UNINSTALLED)) != 0) {
                continue;
            }
            BundleRevision revision = b.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability c : revision.getDeclaredCapabilities(null)) {
                offered.add(new ResolutionCheck.Offered(c.getNamespace(), c.getAttributes(), b.getSymbolicName()));
            }
        }
        return offered;
    }

    private FrameworkWiring wiring() {
        return context.getBundle(0).adapt(FrameworkWiring.class);
    }

    private Duration dataWindow() {
        return Duration.ofSeconds(config.dataWindowSeconds());
    }

    private Path area(String symbolicName) {
        return context.getDataFile("driver-update").toPath().resolve(symbolicName);
    }
}
