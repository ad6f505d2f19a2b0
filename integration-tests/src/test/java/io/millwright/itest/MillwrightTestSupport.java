package io.millwright.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.store.MachineStore;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.Repository;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What every Millwright Pax Exam test needs: the built distribution booted once per class, and
 * helpers to install features, run shell commands as a given user, wait for services and edit
 * configuration files the way an integrator would.
 */
public abstract class MillwrightTestSupport {

    protected static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService featuresService;

    @Inject
    protected SessionFactory sessionFactory;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    /** The distribution as built by karaf-assembly, on free ports, with a bounded heap. */
    protected Option[] distribution(Option... extra) {
        String archive = System.getProperty("millwright.distribution");
        if (archive == null || !new File(archive).isFile()) {
            throw new IllegalStateException("millwright.distribution does not name the built archive: " + archive
                    + " (run the build from the top-level pom)");
        }
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(archive).toURI().toString())
                        .name("Millwright")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                // kept, so that a failed run's karaf.log can be read (target/exam/<id>/data/log)
                keepRuntimeFolder(),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.WARN),
                // Millwright's own lines (connects, reconnects, updates) tell what happened in a failed run
                editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.millwright.name", "io.millwright"),
                editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.millwright.level", "INFO"),
                vmOptions("-Xmx512m"),
                vmOptions(karafModuleOptions()),
                // a busy 2-core machine has booted the container (two boot stages) in more than 120 s
                systemTimeout(240_000),
                // boot features in their own thread: installed from the features bundle's activator
                // (the default), a deployment that stops a bundle waited forever for the start-level
                // thread, which waited for the deployment (seen in about 1 of 4 boots on a busy machine)
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBootAsynchronous", "true"),
                // PlantUpdateIT's rounds and where it writes its figures; set here because the
                // suite's one container is configured by whichever class comes first
                systemProperty("millwright.updates").value(System.getProperty("millwright.updates", "20")),
                systemProperty("millwright.update.figures")
                        .value(new File("target/plant-update-figures.txt").getAbsolutePath()),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
                // the embedded MQTT broker, for whichever test installs it: 1883 may be taken on the machine
                editConfigurationFilePut("etc/io.millwright.mqtt.broker.cfg", "port", freePort())));
        String localRepo = System.getProperty("maven.repo.local");
        if (localRepo != null && !localRepo.isBlank()) {
            options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                    "org.ops4j.pax.url.mvn.localRepository", localRepo));
        }
        options.addAll(List.of(extra));
        return options.toArray(new Option[0]);
    }

    /**
     * What bin/karaf gives Java 9 and later and Pax Exam's launcher does not: Karaf's specs locator
     * patched into java.base (without it every feature install logged NoClassDefFoundError
     * OsgiLocator from the specs activator) and the packages Karaf opens. Paths are relative to
     * the container's home, its working directory.
     */
    private static String[] karafModuleOptions() {
        String karaf = System.getProperty("karaf.version");
        if (karaf == null || karaf.isBlank()) {
            throw new IllegalStateException("karaf.version is not set (run the build from the top-level pom)");
        }
        return new String[] {
            "--add-reads=java.xml=java.logging",
            "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
            "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karaf + ".jar",
            "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karaf + ".jar",
            "--add-opens", "java.base/java.security=ALL-UNNAMED",
            "--add-opens", "java.base/java.net=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
            "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
        };
    }

    private static String freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** The outcome of a shell command: what it printed, and the error it ended with, if any. */
    public static final class CommandResult {
        public final String output;
        public final Throwable failure;

        CommandResult(String output, Throwable failure) {
            this.output = output;
            this.failure = failure;
        }

        public boolean failed() {
            return failure != null;
        }

        /** The output, or an assertion error naming the command's failure. */
        public String ok() {
            if (failure != null) {
                throw new AssertionError("command failed: " + failure + "\noutput:\n" + output, failure);
            }
            return output;
        }

        @Override
        public String toString() {
            return output + (failure == null ? "" : "\nfailed: " + failure);
        }
    }

    /** Runs a command as an administrator. */
    protected CommandResult runAsAdmin(String command) {
        return runAsAdmin(command, WAIT);
    }

    /** Runs a command as an administrator, giving it {@code timeout} to finish. */
    protected CommandResult runAsAdmin(String command, Duration timeout) {
        return run(command, timeout, "it-admin", "admin", "manager", "viewer", "systembundles", "ssh");
    }

    /** Runs a command as a user holding only the viewer role. */
    protected CommandResult runAsViewer(String command) {
        return run(command, "it-viewer", "viewer", "ssh");
    }

    /**
     * Runs a shell command in a session of its own, as {@code user} with {@code roles}, so that the
     * command ACLs apply exactly as they do over SSH. Each call gets a new thread because the shell
     * caches command visibility per thread.
     */
    protected CommandResult run(String command, String user, String... roles) {
        return run(command, WAIT, user, roles);
    }

    private CommandResult run(String command, Duration timeout, String user, String... roles) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        for (String role : roles) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "itest-shell-" + user));
        try {
            Future<Throwable> outcome = executor.submit(() -> Subject.doAs(subject,
                    (PrivilegedExceptionAction<Throwable>) () -> {
                        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out);
                        try {
                            Object result = session.execute(command);
                            // bin/client and ssh with a command show only what a command prints, not
                            // what it returns: a returned value would reach a plant's scripts as nothing
                            if (result != null) {
                                return new AssertionError("'" + command + "' returned its output instead of"
                                        + " printing it (bin/client would show nothing): " + result);
                            }
                            return null;
                        } catch (Exception e) {
                            return e;
                        } finally {
                            session.close();
                        }
                    }));
            Throwable failure = outcome.get(timeout.toSeconds(), TimeUnit.SECONDS);
            out.flush();
            return new CommandResult(bytes.toString(StandardCharsets.UTF_8), failure);
        } catch (Exception e) {
            return new CommandResult(bytes.toString(StandardCharsets.UTF_8), e);
        } finally {
            executor.shutdownNow();
        }
    }

    /** Installs a feature and asserts that every bundle it lists is running. */
    protected void installFeature(String name) throws Exception {
        featuresService.installFeature(name);
        assertFeatureBundlesActive(name);
    }

    /** Every bundle a feature lists is Active (fragments: Resolved), waiting a little for lazy starts. */
    protected void assertFeatureBundlesActive(String name) throws Exception {
        Feature feature = featuresService.getFeature(name);
        assertNotNull("no feature " + name, feature);
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (BundleInfo info : feature.getBundles()) {
            Bundle bundle = bundleFor(info.getLocation());
            assertNotNull("feature " + name + ": bundle " + info.getLocation() + " is not installed", bundle);
            int expected = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null ? Bundle.RESOLVED : Bundle.ACTIVE;
            while (bundle.getState() != expected && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals("feature " + name + ": state of " + bundle.getSymbolicName(), expected, bundle.getState());
        }
    }

    private Bundle bundleFor(String location) {
        Bundle bundle = bundleContext.getBundle(location);
        if (bundle != null) {
            return bundle;
        }
        for (Bundle candidate : bundleContext.getBundles()) {
            if (candidate.getLocation().equals(location) || location.endsWith(candidate.getLocation())) {
                return candidate;
            }
        }
        return null;
    }

    /** The features of the millwright repository. */
    protected List<Feature> millwrightFeatures() throws Exception {
        List<Feature> features = new ArrayList<>();
        for (Repository repository : featuresService.listRepositories()) {
            if (repository.getName() != null && repository.getName().startsWith("millwright-")) {
                features.addAll(List.of(repository.getFeatures()));
            }
        }
        if (features.isEmpty()) {
            fail("the millwright feature repository is not registered");
        }
        return features;
    }

    /** Waits for a service of the type (and filter, if not null) and returns it. */
    protected <T> T waitForService(Class<T> type, String filter) throws InterruptedException, InvalidSyntaxException {
        String spec = "(" + Constants.OBJECTCLASS + "=" + type.getName() + ")";
        if (filter != null) {
            spec = "(&" + spec + filter + ")";
        }
        Filter osgiFilter = FrameworkUtil.createFilter(spec);
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundleContext, osgiFilter, null);
        tracker.open();
        try {
            T service = tracker.waitForService(WAIT.toMillis());
            if (service == null) {
                throw new AssertionError("no service " + spec + " within " + WAIT);
            }
            return service;
        } finally {
            tracker.close();
        }
    }

    /**
     * Writes {@code etc/<fileName>} as an integrator would, and waits until Config Admin holds the
     * configuration it describes (fileinstall picks the file up). Returns the configuration's pid.
     */
    protected String editConfigurationFile(String fileName, Map<String, String> properties) throws Exception {
        Path file = Paths.get(System.getProperty("karaf.etc"), fileName);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> entry : properties.entrySet()) {
                writer.write(entry.getKey() + " = " + entry.getValue().replace("\\", "\\\\") + "\n");
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Configuration[] found = configurationAdmin.listConfigurations(null);
            if (found != null) {
                for (Configuration configuration : found) {
                    Dictionary<String, Object> props;
                    try {
                        props = configuration.getProperties();
                    } catch (IllegalStateException deletedMeanwhile) {
                        // an earlier test's file went away between listing and reading
                        continue;
                    }
                    Object origin = props == null ? null : props.get("felix.fileinstall.filename");
                    if (origin != null && origin.toString().endsWith("/" + fileName) && holds(props, properties)) {
                        return configuration.getPid();
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Config Admin did not pick up etc/" + fileName + " within " + WAIT);
    }

    /**
     * Deletes {@code etc/<fileName>}, as an integrator removing a device or machine would, and waits
     * until Config Admin has let go of it: a test that writes the same file next must not race the
     * deletion (fileinstall would take the new file for the old one).
     */
    protected void deleteConfigurationFile(String fileName) throws Exception {
        Files.deleteIfExists(Paths.get(System.getProperty("karaf.etc"), fileName));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && configurationFrom(fileName)) {
            Thread.sleep(100);
        }
    }

    private boolean configurationFrom(String fileName) throws Exception {
        Configuration[] found = configurationAdmin.listConfigurations(null);
        if (found == null) {
            return false;
        }
        for (Configuration configuration : found) {
            try {
                Dictionary<String, Object> props = configuration.getProperties();
                Object origin = props == null ? null : props.get("felix.fileinstall.filename");
                if (origin != null && origin.toString().endsWith("/" + fileName)) {
                    return true;
                }
            } catch (IllegalStateException deletedMeanwhile) {
                // gone while looking
            }
        }
        return false;
    }

    private static boolean holds(Dictionary<String, Object> actual, Map<String, String> expected) {
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            Object value = actual.get(entry.getKey());
            if (value == null || !value.toString().equals(entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The line of a shell table that names {@code word} as a whole cell or first word; empty if none. */
    protected static String line(String output, String word) {
        for (String line : output.split("\n")) {
            if (line.trim().startsWith(word + " ") || line.contains(" " + word + " ")) {
                return line;
            }
        }
        return "";
    }


    /**
     * Waits until the condition holds, or fails with the message. A condition that throws is
     * asked again (a service may be replaced under it); the last exception is reported.
     */
    protected static void await(String message, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message + " (waited " + WAIT + ")", last);
            }
            Thread.sleep(100);
        }
    }

    /** The bundle with that symbolic name. */
    protected Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    /** Every bundle but {@code except} and the probe: id -> name, state and last modified, to compare. */
    protected Map<Long, String> bundlesExcept(java.util.Collection<Bundle> except) {
        Map<Long, String> states = new java.util.LinkedHashMap<>();
        for (Bundle b : bundleContext.getBundles()) {
            if (!except.contains(b) && b.getBundleId() != bundleContext.getBundle().getBundleId()) {
                states.put(b.getBundleId(), b.getSymbolicName() + " " + b.getState() + " " + b.getLastModified());
            }
        }
        return states;
    }

    /** Collects the machines' StateChanged events ({@code machineFilter}: an LDAP filter on machine.id). */
    protected ServiceRegistration<EventHandler> onStateChanges(String machineFilter, List<String> into) {
        Dictionary<String, Object> filter = new java.util.Hashtable<>();
        filter.put(EventConstants.EVENT_TOPIC, "millwright/machine/state");
        filter.put(EventConstants.EVENT_FILTER, machineFilter);
        return bundleContext.registerService(EventHandler.class,
                event -> into.add(String.valueOf(event.getProperty("event"))), filter);
    }

    /** The parts the store in use holds for {@code machine} from an hour before {@code from}; -1 while unavailable. */
    protected long storedCounts(String machine, java.time.Instant from) {
        try {
            MachineStore store = waitForService(MachineStore.class, null);
            long sum = 0;
            for (CountRecorded c : store.counts(machine, from.minus(Duration.ofHours(1)),
                    java.time.Instant.now().plusSeconds(120))) {
                sum += c.total();
            }
            return sum;
        } catch (Exception | AssertionError e) {
            return -1;
        }
    }

    /**
     * Waits up to {@code timeout} for the condition; a condition that throws counts as not yet
     * (a service may be replaced under it).
     */
    protected static void awaitFor(String what, Duration timeout, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean ok;
            try {
                ok = condition.getAsBoolean();
            } catch (RuntimeException | AssertionError e) {
                ok = false;
            }
            if (ok) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " (not within " + timeout.toSeconds() + " s)");
            }
            Thread.sleep(100);
        }
    }
}
