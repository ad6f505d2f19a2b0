package io.millwright.platform.internal.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

class ResolutionCheckTest {

    private static final List<ResolutionCheck.Offered> RUNNING = List.of(
            pkg("io.millwright.api.device", "1.0.0"),
            pkg("org.slf4j", "2.0.6"),
            new ResolutionCheck.Offered("osgi.ee", Map.of("osgi.ee", "JavaSE", "version", List.of(new Version(17, 0, 0))),
                    "system"),
            new ResolutionCheck.Offered("osgi.extender", Map.of("osgi.extender", "osgi.component",
                    "version", new Version(1, 5, 0)), "scr"));

    private static ResolutionCheck.Offered pkg(String name, String version) {
        return new ResolutionCheck.Offered("osgi.wiring.package",
                Map.of("osgi.wiring.package", name, "version", Version.parseVersion(version)), "x");
    }

    private static Attributes manifest(String imports, String requires, String exports) {
        Attributes a = new Attributes();
        if (imports != null) {
            a.putValue("Import-Package", imports);
        }
        if (requires != null) {
            a.putValue("Require-Capability", requires);
        }
        if (exports != null) {
            a.putValue("Export-Package", exports);
        }
        return a;
    }

    @Test
    void aDriverThatImportsWhatRunsResolves() {
        ResolutionCheck.Result r = ResolutionCheck.check(manifest(
                "io.millwright.api.device;version=\"[1.0,2)\",org.slf4j;version=\"[2.0,3)\"",
                "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.5.0)(!(version>=2.0.0)))\","
                        + "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"", null), RUNNING);

        assertThat(r.missing()).isEmpty();
        assertThat(r.resolves()).isTrue();
        assertThat(r.imports()).isEqualTo(2);
        assertThat(r.requirements()).isEqualTo(2);
    }

    @Test
    void aMissingPackageOrVersionIsNamed() {
        ResolutionCheck.Result r = ResolutionCheck.check(manifest(
                "io.millwright.api.device;version=\"[2.0,3)\",com.example.gone,org.optional;resolution:=optional",
                null, null), RUNNING);

        assertThat(r.resolves()).isFalse();
        assertThat(r.missing()).containsExactly(
                "Import-Package io.millwright.api.device;version=\"[2.0.0,3.0.0)\": no running bundle exports it",
                "Import-Package com.example.gone;version=\"0.0.0\": no running bundle exports it");
    }

    @Test
    void anUnmetRequirementIsNamedButActiveTimeOnesAreNotChecked() {
        ResolutionCheck.Result r = ResolutionCheck.check(manifest(null,
                "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=21))\","
                        + "osgi.service;filter:=\"(objectClass=io.millwright.api.sample.SampleSink)\";effective:=active",
                null), RUNNING);

        assertThat(r.missing()).containsExactly(
                "Require-Capability osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=21))\": nothing running provides it");
        assertThat(r.requirements()).isEqualTo(1);
    }

    @Test
    void theNewBundleMayImportWhatItExports() {
        ResolutionCheck.Result r = ResolutionCheck.check(manifest("com.example.own;version=\"[1.2,2)\"", null,
                "com.example.own;version=\"1.2.3\""), RUNNING);

        assertThat(r.resolves()).isTrue();
    }
}
