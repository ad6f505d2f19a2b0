package io.millwright.bench.boot;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The three variants compared: Millwright, stock Karaf as it ships (the named baseline, whose
 * JVM takes the default heap of a quarter of the machine's memory), and stock Karaf with
 * Millwright's heap bound so that resident memory compares like for like.
 */
record Lineup(Variant millwright, Variant stock, Variant stockBoundedHeap) {

    /** Millwright's own heap bound, which its bin/setenv sets. */
    static final String MILLWRIGHT_HEAP = "-Xms128m -Xmx512m";

    static Lineup of(Path millwrightArchive, Path stockArchive) {
        return new Lineup(
                new Variant("Millwright", millwrightArchive, Login.MILLWRIGHT_ADMIN, Map.of()),
                new Variant("stock Karaf (baseline)", stockArchive, Login.USERS_PROPERTIES, Map.of()),
                new Variant("stock Karaf, " + MILLWRIGHT_HEAP, stockArchive, Login.USERS_PROPERTIES,
                        Map.of("EXTRA_JAVA_OPTS", MILLWRIGHT_HEAP)));
    }

    /** The order of the runs within one round; rounds alternate the variants. */
    List<Variant> inRunOrder() {
        return List.of(millwright, stock, stockBoundedHeap);
    }
}
