package io.millwright.bench.boot;

import java.util.List;
import java.util.Optional;

/** What one boot of one variant measured. */
record RunResult(Variant variant, int run, long bootMillis, long rssKib, int bundles, List<String> jvmArguments) {

    /** The -Xmx the JVM was started with (the last one wins, as in the JVM), if any. */
    Optional<String> maxHeapArgument() {
        String found = null;
        for (String argument : jvmArguments) {
            if (argument.startsWith("-Xmx")) {
                found = argument;
            }
        }
        return Optional.ofNullable(found);
    }
}
