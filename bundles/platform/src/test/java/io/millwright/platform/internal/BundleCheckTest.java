package io.millwright.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class BundleCheckTest {

    @Test
    void activeBundleAndResolvedFragmentAreHealthy() {
        assertThat(BundleCheck.problem(Bundle.ACTIVE, false)).isNull();
        assertThat(BundleCheck.problem(Bundle.RESOLVED, true)).isNull();
    }

    @Test
    void resolvedBundleIsReportedAsNotActive() {
        assertThat(BundleCheck.problem(Bundle.RESOLVED, false)).isEqualTo("bundle is Resolved, not Active");
    }

    @Test
    void unresolvedBundleAndFragmentAreReported() {
        assertThat(BundleCheck.problem(Bundle.INSTALLED, false)).contains("Installed (unresolved)");
        assertThat(BundleCheck.problem(Bundle.INSTALLED, true)).isEqualTo("fragment is Installed (unresolved), not Resolved");
    }

    @Test
    void lazyBundleStillStartingIsReported() {
        assertThat(BundleCheck.problem(Bundle.STARTING, false)).contains("Starting");
    }
}
