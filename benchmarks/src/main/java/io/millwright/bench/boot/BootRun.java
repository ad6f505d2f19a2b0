package io.millwright.bench.boot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One measured boot: a fresh copy, a login, bin/start, SSH polls until every bundle is started,
 * resident memory after a settling pause, bin/stop, and the copy removed.
 */
final class BootRun {

    private static final String USER = "bench";
    private static final String PASSWORD = "bench-Pa55word";

    private final Path workDir;
    private final Duration bootTimeout;
    private final Duration settle;
    /** The Karaf running now, for the shutdown hook to kill if the benchmark is interrupted. */
    private final AtomicReference<KarafProcess> running = new AtomicReference<>();

    BootRun(Path workDir, Duration bootTimeout, Duration settle) {
        this.workDir = workDir;
        this.bootTimeout = bootTimeout;
        this.settle = settle;
        Runtime.getRuntime().addShutdownHook(new Thread(this::killRunning, "boot-bench-cleanup"));
    }

    RunResult measure(Variant variant, int run) throws IOException, InterruptedException {
        KarafCopy copy = KarafCopy.unpack(variant.archive(), workDir.resolve(variant.slug() + "-" + run));
        variant.login().create(copy.home(), USER, PASSWORD);

        KarafProcess karaf = KarafProcess.start(copy.home(), variant.environment());
        running.set(karaf);
        try {
            BootWatcher.Booted booted;
            try (KarafShell shell = new KarafShell(copy.sshPort(), USER, PASSWORD)) {
                booted = new BootWatcher(shell, bootTimeout).awaitAllStarted(variant.label() + " run " + run);
            }
            long bootMillis = (booted.atNanos() - karaf.startedAtNanos()) / 1_000_000;

            Thread.sleep(settle.toMillis());
            long pid = karaf.pid().orElseThrow(() -> new IOException("no karaf.pid in " + copy.home()));
            long rssKib = ResidentMemory.kibOf(pid);
            return new RunResult(variant, run, bootMillis, rssKib, booted.bundles(), karaf.arguments());
        } finally {
            karaf.stop();
            running.set(null);
            copy.delete();
        }
    }

    private void killRunning() {
        KarafProcess karaf = running.getAndSet(null);
        if (karaf != null) {
            try {
                karaf.kill();
            } catch (IOException e) {
                System.err.println("could not kill the running Karaf: " + e.getMessage());
            }
        }
    }
}
