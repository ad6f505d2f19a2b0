package io.millwright.bench.boot;

import java.io.IOException;
import java.time.Duration;

/**
 * Polls a booting Karaf over SSH until every bundle is started, and says when that was first
 * seen. Two consecutive polls must agree (same bundle count, all started) so that a moment
 * between two feature deployments or during a refresh is not taken for the end of boot; the
 * time recorded is that of the first of the two.
 */
final class BootWatcher {

    static final String LIST_COMMAND = "bundle:list -t 0 --no-format";
    private static final Duration POLL = Duration.ofMillis(200);

    /** When boot was seen complete, in nanoseconds of {@link System#nanoTime()}, and how many bundles. */
    record Booted(long atNanos, int bundles) {
    }

    private final KarafShell shell;
    private final Duration timeout;

    BootWatcher(KarafShell shell, Duration timeout) {
        this.shell = shell;
        this.timeout = timeout;
    }

    Booted awaitAllStarted(String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Booted candidate = null;
        String last = "SSH never answered";
        while (System.nanoTime() < deadline) {
            long pollStart = System.nanoTime();
            try {
                BundleList list = BundleList.parse(shell.run(LIST_COMMAND));
                long seen = System.nanoTime();
                if (list.allStarted()) {
                    if (candidate != null && candidate.bundles() == list.size()) {
                        return candidate;
                    }
                    candidate = new Booted(seen, list.size());
                } else {
                    candidate = null;
                    last = list.size() + " bundles, not started: " + list.notStarted();
                }
            } catch (IOException | RuntimeException notYet) {
                // SSH not listening yet, JAAS realm not ready, session dropped: all mean "not booted".
                candidate = null;
                last = "SSH: " + notYet.getMessage();
            }
            long spent = System.nanoTime() - pollStart;
            Thread.sleep(Math.max(0, POLL.toMillis() - spent / 1_000_000));
        }
        throw new IOException(what + " did not start all bundles within " + timeout + "; last seen: " + last);
    }
}
