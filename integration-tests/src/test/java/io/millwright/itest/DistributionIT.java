package io.millwright.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.millwright.api.health.HealthCheck;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.karaf.features.Feature;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The distribution as a plant receives it: it boots clean, every Millwright feature installs,
 * health tells the truth, and the millwright command scope is locked down by role. One container
 * boot for the whole class.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DistributionIT extends MillwrightTestSupport {

    @Inject
    private ServiceComponentRuntime scr;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return distribution();
    }

    @Before
    public void bootFinished() throws Exception {
        await("boot features installed", () -> featuresService.isInstalled(feature("millwright-minimal")));
        await("all bundles Active", () -> notRunning().isEmpty());
    }

    @Test
    public void bootsWithNoUnsatisfiedComponent() {
        List<String> unsatisfied = unsatisfiedComponents();
        assertTrue("unsatisfied DS components after boot: " + unsatisfied, unsatisfied.isEmpty());
    }

    @Test
    public void healthReportsNothingWrongAfterBoot() {
        String output = runAsViewer("millwright:health").ok();
        assertTrue(output, output.startsWith("OK: nothing wrong"));
    }

    @Test
    public void everyMillwrightFeatureInstallsWithItsBundlesActive() throws Exception {
        List<Feature> features = millwrightFeatures();
        assertTrue("expected the api, platform and profile features, got " + features, features.size() >= 4);
        for (Feature feature : features) {
            installFeature(feature.getName());
        }
        assertTrue("bundles not running after installing every feature: " + notRunning(), notRunning().isEmpty());
        // the store waits for the DataSource that fileinstall makes from the etc/ file its feature shipped
        await("every component satisfied after installing every feature", () -> unsatisfiedComponents().isEmpty());
        await("health OK after installing every feature",
                () -> runAsAdmin("millwright:health").ok().startsWith("OK: nothing wrong"));
    }

    @Test
    public void healthNamesAStoppedBundleAndAFailingCheck() throws Exception {
        Bundle audit = bundle("org.apache.karaf.audit.core");
        ServiceRegistration<HealthCheck> check = bundleContext.registerService(HealthCheck.class, new HealthCheck() {
            @Override
            public String name() {
                return "itest";
            }

            @Override
            public List<HealthFinding> check() {
                return List.of(new HealthFinding(Severity.WARNING, "outbox erp", "1200 events waiting"));
            }
        }, null);
        audit.stop();
        try {
            CommandResult result = runAsViewer("millwright:health --fail");
            assertTrue("--fail must make the command fail when something is wrong", result.failed());
            assertTrue(result.output, result.output.contains("org.apache.karaf.audit.core"));
            assertTrue(result.output, result.output.contains("Resolved, not Active"));
            assertTrue(result.output, result.output.contains("outbox erp"));
            assertTrue(result.output, result.output.contains("1200 events waiting"));
            assertTrue(result.output, result.output.indexOf("ERROR") < result.output.indexOf("WARNING"));
        } finally {
            audit.start();
            check.unregister();
        }
        String output = runAsViewer("millwright:health --fail").ok();
        assertTrue(output, output.startsWith("OK: nothing wrong"));
    }

    @Test
    public void viewerIsRefusedAChangingCommand() throws Exception {
        boolean demoBefore = featuresService.isInstalled(feature("millwright-demo"));

        CommandResult refused = runAsViewer("millwright:profile-install millwright-demo");

        assertTrue("a viewer must not run millwright:profile-install: " + refused, refused.failed());
        assertTrue(refused.toString(), refused.failure.getMessage().contains("Command not found"));
        assertEquals("the refused command changed nothing", demoBefore,
                featuresService.isInstalled(feature("millwright-demo")));
    }

    @Test
    public void viewerMayLookAndAdminMayChange() throws Exception {
        String profiles = runAsViewer("millwright:profiles").ok();
        assertTrue(profiles, profiles.contains("millwright-minimal"));
        assertTrue(profiles, profiles.contains("millwright-demo"));

        String installed = runAsAdmin("millwright:profile-install millwright-minimal").ok();
        assertTrue(installed, installed.contains("already installed"));

        CommandResult unknown = runAsAdmin("millwright:profile-install millwright-nonesuch");
        assertTrue(unknown.toString(), unknown.failed());
        assertTrue(unknown.toString(), unknown.failure.getMessage().contains("no plant profile 'millwright-nonesuch'"));
        assertTrue(unknown.toString(), unknown.failure.getMessage().contains("millwright-demo"));
    }

    @Test
    public void auditTrailHoldsCommandsAndWhoRanThemButNotTheLogOrMachineEvents() throws Exception {
        Path trail = Paths.get(System.getProperty("karaf.log"), "audit.txt");
        String marker = "audit-marker-" + System.nanoTime();
        org.osgi.framework.ServiceReference<org.osgi.service.event.EventAdmin> ref =
                bundleContext.getServiceReference(org.osgi.service.event.EventAdmin.class);
        bundleContext.getService(ref).sendEvent(new org.osgi.service.event.Event("millwright/machine/STATE",
                java.util.Map.of("machine.id", marker)));
        bundleContext.ungetService(ref);
        org.slf4j.LoggerFactory.getLogger(DistributionIT.class).warn("{} goes to karaf.log only", marker);
        runAsAdmin("millwright:profiles").ok();

        await("the command with its user in " + trail, () -> {
            String text = read(trail);
            return text.contains("it-admin") && text.contains("command=\"millwright:profiles\"");
        });
        String text = read(trail);
        assertFalse("a machine event or a log line reached the audit trail", text.contains(marker));
        for (String line : text.split("\n")) {
            // the simple layout: time host name pid type subtype ...
            String[] fields = line.split(" ", 7);
            assertTrue("log lines stay out of the audit trail: " + line, fields.length < 6 || !"log".equals(fields[4]));
        }
        Path karafLog = Paths.get(System.getProperty("karaf.log"), "karaf.log");
        await("the marker in karaf.log", () -> read(karafLog).contains(marker));
        String log = read(karafLog);
        assertFalse("the audit formatter failed on an event (Karaf's 8 KiB buffer)", log.contains("Error writing audit log"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    public void sshListensOnLoopbackOnly() throws Exception {
        Object host = configurationAdmin.getConfiguration("org.apache.karaf.shell", null).getProperties().get("sshHost");
        assertEquals("127.0.0.1", host);
    }

    @Test
    public void passwordsAreNeverStoredInPlainText() throws Exception {
        Object encryption = configurationAdmin.getConfiguration("org.apache.karaf.jaas", null)
                .getProperties().get("encryption.enabled");
        assertEquals("true", String.valueOf(encryption));
        List<String> users = Files.readAllLines(Paths.get(System.getProperty("karaf.etc"), "users.properties"),
                StandardCharsets.UTF_8);
        for (String line : users) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("_g_")) {
                continue;
            }
            String password = trimmed.substring(trimmed.indexOf('=') + 1).trim();
            assertTrue("plaintext password in users.properties: " + line, password.startsWith("{CRYPT}"));
        }
        assertFalse("no default user may ship", users.stream().anyMatch(l -> l.trim().startsWith("karaf")));
    }

    private Feature feature(String name) {
        try {
            return featuresService.getFeature(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> notRunning() {
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            boolean fragment = bundle.getHeaders().get("Fragment-Host") != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                problems.add(bundle.getSymbolicName() + " state " + bundle.getState());
            }
        }
        return problems;
    }

    private List<String> unsatisfiedComponents() {
        List<String> unsatisfied = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                        || configuration.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                        || configuration.state == 16) {
                    unsatisfied.add(description.name + " (state " + configuration.state + ")");
                }
            }
        }
        return unsatisfied;
    }
}
