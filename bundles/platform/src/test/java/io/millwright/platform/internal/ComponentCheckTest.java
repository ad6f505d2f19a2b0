package io.millwright.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.health.HealthFinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.dto.BundleDTO;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

class ComponentCheckTest {

    @Test
    void satisfiedAndActiveComponentsAreHealthy() {
        ComponentDescriptionDTO description = description("io.millwright.core.Engine");
        List<HealthFinding> findings = ComponentCheck.findings(List.of(description),
                d -> List.of(configuration(ComponentConfigurationDTO.ACTIVE),
                        configuration(ComponentConfigurationDTO.SATISFIED)));

        assertThat(findings).isEmpty();
    }

    @Test
    void unsatisfiedReferenceNamesTheMissingServiceAndTarget() {
        ComponentDescriptionDTO description = description("io.millwright.core.Engine");
        ReferenceDTO sink = new ReferenceDTO();
        sink.name = "sink";
        sink.interfaceName = "io.millwright.api.sample.SampleSink";
        description.references = new ReferenceDTO[] {sink};
        ComponentConfigurationDTO configuration = configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        UnsatisfiedReferenceDTO unsatisfied = new UnsatisfiedReferenceDTO();
        unsatisfied.name = "sink";
        unsatisfied.target = "(site=plant1)";
        configuration.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] {unsatisfied};

        List<HealthFinding> findings = ComponentCheck.findings(List.of(description), d -> List.of(configuration));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(HealthFinding.Severity.ERROR);
            assertThat(f.subject()).isEqualTo("component io.millwright.core.Engine in millwright-core");
            assertThat(f.message()).isEqualTo(
                    "unsatisfied: no io.millwright.api.sample.SampleSink matching (site=plant1) (reference 'sink')");
        });
    }

    @Test
    void failedActivationCarriesTheFailure() {
        ComponentDescriptionDTO description = description("io.millwright.store.Db");
        ComponentConfigurationDTO configuration = configuration(ComponentCheck.FAILED_ACTIVATION);
        configuration.failure = "java.sql.SQLException: database locked: /opt/mw/data/db";

        List<HealthFinding> findings = ComponentCheck.findings(List.of(description), d -> List.of(configuration));

        assertThat(findings).singleElement()
                .extracting(HealthFinding::message)
                .isEqualTo("activation failed: java.sql.SQLException: database locked: /opt/mw/data/db");
    }

    @Test
    void missingRequiredConfigurationNamesThePid() {
        ComponentDescriptionDTO description = description("io.millwright.store.Db");
        description.configurationPid = new String[] {"io.millwright.store"};

        List<HealthFinding> findings = ComponentCheck.findings(List.of(description),
                d -> List.of(configuration(ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION)));

        assertThat(findings).singleElement()
                .extracting(HealthFinding::message)
                .isEqualTo("waits for configuration io.millwright.store");
    }

    @Test
    void factoryComponentWithoutConfigurationsIsNotAProblem() {
        assertThat(ComponentCheck.findings(List.of(description("io.millwright.driver.Modbus")), d -> List.of()))
                .isEmpty();
    }

    private static ComponentDescriptionDTO description(String name) {
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.name = name;
        description.bundle = new BundleDTO();
        description.bundle.symbolicName = name.contains("core") ? "millwright-core" : "millwright-other";
        description.references = new ReferenceDTO[0];
        description.configurationPid = new String[] {name};
        description.properties = Map.of();
        return description;
    }

    private static ComponentConfigurationDTO configuration(int state) {
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = state;
        configuration.unsatisfiedReferences = new UnsatisfiedReferenceDTO[0];
        return configuration;
    }
}
