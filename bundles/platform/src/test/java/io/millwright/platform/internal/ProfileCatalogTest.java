package io.millwright.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfileCatalogTest {

    @Test
    void profilesAreMillwrightFeaturesMarkedInTheirDescription() {
        assertThat(ProfileCatalog.isProfile("millwright-demo", "Plant profile: a simulated line")).isTrue();
        assertThat(ProfileCatalog.isProfile("millwright-api", "Millwright API")).isFalse();
        assertThat(ProfileCatalog.isProfile("millwright-api", null)).isFalse();
        assertThat(ProfileCatalog.isProfile("camel-core", "Plant profile: not ours")).isFalse();
    }
}
