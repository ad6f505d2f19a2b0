package io.millwright.simulator.opcua.internal;

import static io.millwright.simulator.opcua.internal.OpcUaConfigFixture.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpcUaSettingsTest {

    @Test
    void anEmptyFileServesLoopbackPort4840WithNoneAndBasic256Sha256() {
        OpcUaSettings s = OpcUaSettings.from(config(Map.of()), "/opt/millwright/data");

        assertThat(s.endpointUrl()).isEqualTo("opc.tcp://127.0.0.1:4840");
        assertThat(s.securityPolicies()).containsExactly("None", "Basic256Sha256");
        assertThat(s.allowAnonymous()).isTrue();
        assertThat(s.user()).isEmpty();
        assertThat(s.trustAllClients()).isTrue();
        assertThat(s.pkiDir()).isEqualTo(Path.of("/opt/millwright/data/millwright/simulator-pki"));
    }

    @Test
    void everyInterfaceIsAdvertisedAsLocalhostUnlessAHostnameIsGiven() {
        assertThat(OpcUaSettings.from(config(Map.of("bindAddress", "0.0.0.0")), null).endpointUrl())
                .isEqualTo("opc.tcp://localhost:4840");
        assertThat(OpcUaSettings.from(config(Map.of("bindAddress", "0.0.0.0", "hostname", "sim.plant", "path", "/sim",
                "port", "4841")), null).endpointUrl()).isEqualTo("opc.tcp://sim.plant:4841/sim");
    }

    @Test
    void policiesAreMatchedWithoutCaseAndNoneComesFirst() {
        assertThat(OpcUaSettings.from(config(Map.of("securityPolicies", "basic256sha256; none")), null)
                .securityPolicies()).containsExactly("None", "Basic256Sha256");
    }

    @Test
    void theToStringLeavesThePasswordOut() {
        OpcUaSettings s = OpcUaSettings.from(config(Map.of("user", "demo", "password", "s3cret")), null);
        assertThat(s.toString()).contains("user demo").doesNotContain("s3cret");
    }

    @Test
    void mistakesAreRefusedByKey() {
        assertRefused(Map.of("port", "70000"), "port");
        assertRefused(Map.of("port", "x"), "port");
        assertRefused(Map.of("bindAddress", " "), "bindAddress");
        assertRefused(Map.of("path", "sim"), "path");
        assertRefused(Map.of("securityPolicies", "Basic256"), "securityPolicies");
        assertRefused(Map.of("securityPolicies", " "), "securityPolicies");
        assertRefused(Map.of("allowAnonymous", "yes"), "allowAnonymous");
        assertRefused(Map.of("allowAnonymous", "false"), "allowAnonymous");
        assertRefused(Map.of("user", "demo"), "password");
        assertRefused(Map.of("trustAllClients", "1"), "trustAllClients");
    }

    private static void assertRefused(Map<String, String> values, String key) {
        assertThatThrownBy(() -> OpcUaSettings.from(config(values), null))
                .isInstanceOf(InvalidSettingException.class)
                .satisfies(e -> assertThat(((InvalidSettingException) e).key()).isEqualTo(key));
    }
}
