package io.millwright.platform.internal;

import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/** Finds bundles that should be running but are not: every bundle Active, every fragment Resolved. */
final class BundleCheck {

    private BundleCheck() {
    }

    static List<HealthFinding> findings(Bundle[] bundles) {
        List<HealthFinding> findings = new ArrayList<>();
        for (Bundle bundle : bundles) {
            boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            String problem = problem(bundle.getState(), fragment);
            if (problem != null) {
                findings.add(new HealthFinding(Severity.ERROR, subject(bundle),
                        problem + " (see bundle:diag " + bundle.getBundleId() + ")"));
            }
        }
        return findings;
    }

    /** What is wrong with a bundle in this state, or null when nothing is. */
    static String problem(int state, boolean fragment) {
        if (fragment) {
            return state == Bundle.RESOLVED ? null : "fragment is " + stateName(state) + ", not Resolved";
        }
        if (state == Bundle.ACTIVE) {
            return null;
        }
        return "bundle is " + stateName(state) + ", not Active";
    }

    static String subject(Bundle bundle) {
        return "bundle " + bundle.getBundleId() + " " + bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    static String stateName(int state) {
        switch (state) {
            case Bundle.UNINSTALLED:
                return "Uninstalled";
            case Bundle.INSTALLED:
                return "Installed (unresolved)";
            case Bundle.RESOLVED:
                return "Resolved";
            case Bundle.STARTING:
                return "Starting";
            case Bundle.STOPPING:
                return "Stopping";
            case Bundle.ACTIVE:
                return "Active";
            default:
                return "in state " + state;
        }
    }
}
