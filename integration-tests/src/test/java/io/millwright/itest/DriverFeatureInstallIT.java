package io.millwright.itest;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.features.Feature;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

/**
 * Installing a driver feature at runtime (with its third-party libraries) stops, refreshes or
 * restarts no bundle that was already running: what peers get wrong when one add-on restarts the
 * others. Every driver feature is checked, each installed into the running distribution.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DriverFeatureInstallIT extends MillwrightTestSupport {

    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return distribution();
    }

    @Test
    public void installingADriverFeatureTouchesNoRunningBundle() throws Exception {
        installFeature("millwright-store-derby");
        installFeature("millwright-simulator");
        List<String> checked = new ArrayList<>();
        for (Feature feature : millwrightFeatures()) {
            String name = feature.getName();
            if (!name.startsWith("millwright-driver-") && !name.startsWith("millwright-simulator-")) {
                continue;
            }
            if (featuresService.isInstalled(feature)) {
                // installed by an earlier test class in this container: take it out first
                featuresService.uninstallFeature(name);
            }
            Map<Long, String> before = running();
            List<String> events = Collections.synchronizedList(new ArrayList<>());
            BundleListener listener = e -> {
                if (before.containsKey(e.getBundle().getBundleId())) {
                    events.add(e.getBundle().getSymbolicName() + " " + type(e.getType()));
                }
            };
            bundleContext.addBundleListener(listener);
            try {
                installFeature(name);
            } finally {
                bundleContext.removeBundleListener(listener);
            }
            assertEquals("events of bundles that ran before installing " + name, List.of(), events);
            Map<Long, String> after = running();
            after.keySet().retainAll(before.keySet());
            assertEquals("bundles that ran before installing " + name, before, after);
            checked.add(name);
        }
        System.out.println("[feature-install] no running bundle touched installing " + checked);
        assertEquals(true, checked.contains("millwright-driver-modbus") && checked.contains("millwright-driver-opcua"));
    }

    private Map<Long, String> running() {
        Map<Long, String> states = new LinkedHashMap<>();
        for (Bundle b : bundleContext.getBundles()) {
            if (b.getState() == Bundle.ACTIVE || b.getState() == Bundle.RESOLVED) {
                states.put(b.getBundleId(), b.getSymbolicName() + " " + b.getState() + " " + b.getLastModified());
            }
        }
        return states;
    }

    private static String type(int type) {
        return switch (type) {
            case BundleEvent.STOPPED -> "STOPPED";
            case BundleEvent.STARTED -> "STARTED";
            case BundleEvent.UNRESOLVED -> "UNRESOLVED";
            case BundleEvent.RESOLVED -> "RESOLVED";
            case BundleEvent.UPDATED -> "UPDATED";
            case BundleEvent.STOPPING -> "STOPPING";
            case BundleEvent.STARTING -> "STARTING";
            default -> "event " + type;
        };
    }
}
