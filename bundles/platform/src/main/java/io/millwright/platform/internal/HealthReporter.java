package io.millwright.platform.internal;

import io.millwright.api.device.Device;
import io.millwright.api.health.HealthCheck;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Gathers everything that is wrong in the running platform into one list: bundles not Active,
 * components not satisfied, devices not ONLINE, and what each bundle's {@link HealthCheck} says.
 */
@Component(service = HealthReporter.class)
public class HealthReporter {

    private static final Comparator<HealthFinding> WORST_FIRST =
            Comparator.comparing(HealthFinding::severity).reversed().thenComparing(HealthFinding::subject);

    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();
    private final List<Device> devices = new CopyOnWriteArrayList<>();

    @Reference
    private ServiceComponentRuntime scr;

    private BundleContext bundleContext;

    @Activate
    void activate(BundleContext context) {
        this.bundleContext = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addHealthCheck(HealthCheck check) {
        checks.add(check);
    }

    void removeHealthCheck(HealthCheck check) {
        checks.remove(check);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDevice(Device device) {
        devices.add(device);
    }

    void removeDevice(Device device) {
        devices.remove(device);
    }

    /** Everything wrong now, worst first; empty when all is well. */
    public List<HealthFinding> findings() {
        List<HealthFinding> findings = new ArrayList<>(BundleCheck.findings(bundleContext.getBundles()));
        findings.addAll(ComponentCheck.findings(scr.getComponentDescriptionDTOs(),
                scr::getComponentConfigurationDTOs));
        findings.addAll(DeviceCheck.findings(devices));
        for (HealthCheck check : checks) {
            findings.addAll(run(check));
        }
        findings.sort(WORST_FIRST);
        return findings;
    }

    /** A one-line summary of what was looked at, for the all-well case. */
    public String scope() {
        return bundleContext.getBundles().length + " bundles, " + scr.getComponentDescriptionDTOs().size()
                + " components, " + devices.size() + " devices, " + checks.size() + " health checks";
    }

    private static List<HealthFinding> run(HealthCheck check) {
        try {
            List<HealthFinding> found = check.check();
            return found == null ? List.of() : found;
        } catch (RuntimeException e) {
            return List.of(new HealthFinding(Severity.ERROR, "health check " + safeName(check),
                    "the check itself failed: " + e));
        }
    }

    private static String safeName(HealthCheck check) {
        try {
            return check.name();
        } catch (RuntimeException e) {
            return check.getClass().getName();
        }
    }
}
