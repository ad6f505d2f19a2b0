package io.millwright.bench.boot;

import java.nio.file.Path;
import java.util.Map;

/** One way of booting one archive: its login, and the environment bin/start runs with. */
record Variant(String label, Path archive, Login login, Map<String, String> environment) {

    /** A short name for directories: "millwright", "stock-karaf-baseline", ... */
    String slug() {
        return label.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
