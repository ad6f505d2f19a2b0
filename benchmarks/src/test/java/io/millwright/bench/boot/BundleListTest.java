package io.millwright.bench.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BundleListTest {

    /** As Karaf 4.4.10 prints it over SSH, tabs and padding included. */
    private static final String BOOTED = """
            START LEVEL 100 , List Threshold: 0
             0\tActive  \t  0\t7.0.5             \tSystem Bundle, Fragments: 1
             1\tResolved\t  1\t4.4.10            \tApache Karaf :: Features :: Extension, Hosts: 0
             2\tActive  \t  5\t2.7.0             \tOPS4J Pax Url - mvn:
            52\tActive  \t 10\t2.7.0             \tOPS4J Pax Url - wrap:
            """;

    @Test
    void readsEveryBundleRow() {
        BundleList list = BundleList.parse(BOOTED);

        assertThat(list.size()).isEqualTo(4);
        assertThat(list.rows().get(1)).isEqualTo(
                new BundleList.Row(1, "Resolved", "Apache Karaf :: Features :: Extension, Hosts: 0"));
    }

    @Test
    void attachedFragmentCountsAsStartedWhenResolved() {
        assertThat(BundleList.parse(BOOTED).allStarted()).isTrue();
    }

    @Test
    void resolvedBundleThatIsNoFragmentHoldsBootUp() {
        BundleList list = BundleList.parse(BOOTED.replace(" 2\tActive  ", " 2\tResolved"));

        assertThat(list.allStarted()).isFalse();
        assertThat(list.notStarted()).extracting(BundleList.Row::id).containsExactly(2L);
    }

    @Test
    void installedOrStartingBundleHoldsBootUp() {
        assertThat(BundleList.parse(BOOTED.replace("52\tActive  ", "52\tStarting")).allStarted()).isFalse();
        assertThat(BundleList.parse(BOOTED.replace("52\tActive  ", "52\tInstalled")).allStarted()).isFalse();
    }

    @Test
    void answerWithoutBundlesIsNotABootedKaraf() {
        assertThat(BundleList.parse("Command not found: bundle:list\n").allStarted()).isFalse();
        assertThat(BundleList.parse("").allStarted()).isFalse();
    }
}
