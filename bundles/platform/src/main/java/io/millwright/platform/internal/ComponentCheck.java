package io.millwright.platform.internal;

import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Finds Declarative Services components that are enabled but not working, and says why: which
 * reference has no service, or why activation failed. A component waiting for a required factory
 * configuration that nobody created is not a problem: a plant without Modbus devices has none.
 */
final class ComponentCheck {

    /** DS 1.4 FAILED_ACTIVATION; spelled out so the check also compiles against DS 1.3 constants. */
    static final int FAILED_ACTIVATION = 16;

    private ComponentCheck() {
    }

    static List<HealthFinding> findings(Collection<ComponentDescriptionDTO> descriptions,
                                        Function<ComponentDescriptionDTO, Collection<ComponentConfigurationDTO>> configurations) {
        List<HealthFinding> findings = new ArrayList<>();
        for (ComponentDescriptionDTO description : descriptions) {
            for (ComponentConfigurationDTO configuration : configurations.apply(description)) {
                String problem = problem(description, configuration);
                if (problem != null) {
                    findings.add(new HealthFinding(Severity.ERROR, subject(description), problem));
                }
            }
        }
        return findings;
    }

    static String problem(ComponentDescriptionDTO description, ComponentConfigurationDTO configuration) {
        switch (configuration.state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                return "waits for configuration " + String.join(", ", description.configurationPid);
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                return "unsatisfied: " + unsatisfied(description, configuration);
            case FAILED_ACTIVATION:
                return "activation failed: " + configuration.failure;
            default:
                return null;
        }
    }

    private static String unsatisfied(ComponentDescriptionDTO description, ComponentConfigurationDTO configuration) {
        List<String> missing = new ArrayList<>();
        for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
            String iface = Arrays.stream(description.references)
                    .filter(r -> r.name.equals(reference.name))
                    .map(r -> r.interfaceName)
                    .findFirst()
                    .orElse("?");
            String target = reference.target == null ? "" : " matching " + reference.target;
            missing.add("no " + iface + target + " (reference '" + reference.name + "')");
        }
        return missing.isEmpty() ? "a mandatory reference has no service" : String.join("; ", missing);
    }

    static String subject(ComponentDescriptionDTO description) {
        return "component " + description.name + " in " + description.bundle.symbolicName;
    }
}
