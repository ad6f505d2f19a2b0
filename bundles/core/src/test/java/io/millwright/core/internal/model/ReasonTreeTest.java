package io.millwright.core.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReasonTreeTest {

    @Test
    void categoriesReasonsAndSetup() throws Exception {
        ReasonTree tree = ReasonTree.parse(Map.of("site", "plant1",
                "reasons", "MECH=Mechanical;MECH.JAM=Jam;CHG=Changeover;CHG.TOOL=Tool change",
                "setupCategories", "CHG"));

        assertThat(tree.isReason("MECH.JAM")).isTrue();
        assertThat(tree.isReason("MECH")).isFalse();
        assertThat(tree.isSetup("CHG.TOOL")).isTrue();
        assertThat(tree.isSetup("MECH.JAM")).isFalse();
        assertThat(tree.isSetup(null)).isFalse();
    }

    @Test
    void reasonBeforeItsCategoryIsRefused() {
        assertThatThrownBy(() -> ReasonTree.parse(Map.of("site", "p", "reasons", "MECH.JAM=Jam")))
                .hasMessageContaining("category MECH must be listed before its reasons");
    }

    @Test
    void lowerCaseCodeAndUnknownSetupCategoryAreRefused() {
        assertThatThrownBy(() -> ReasonTree.parse(Map.of("site", "p", "reasons", "mech=x")))
                .hasMessageContaining("reasons = 'mech=x'");
        assertThatThrownBy(() -> ReasonTree.parse(Map.of("site", "p", "reasons", "A=a;A.B=b", "setupCategories", "Z")))
                .hasMessageContaining("setupCategories = 'Z'");
    }
}
