package io.millwright.bench.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A Karaf started and stopped with its own bin/start and bin/stop scripts. */
final class KarafProcess {

    private static final Duration SCRIPT = Duration.ofMinutes(1);
    private static final Duration STOP = Duration.ofSeconds(60);

    private final Path home;
    private final Map<String, String> environment;
    private final long startedAtNanos;

    private KarafProcess(Path home, Map<String, String> environment, long startedAtNanos) {
        this.home = home;
        this.environment = environment;
        this.startedAtNanos = startedAtNanos;
    }

    /** Runs bin/start; the clock starts just before it. */
    static KarafProcess start(Path home, Map<String, String> environment) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        KarafProcess process = new KarafProcess(home, environment, t0);
        ExternalCommand.runOk(home, environment, null, SCRIPT, "bin/start");
        return process;
    }

    long startedAtNanos() {
        return startedAtNanos;
    }

    /** The JVM's pid, from the karaf.pid file Karaf writes once it runs. */
    Optional<Long> pid() throws IOException {
        Path file = home.resolve("karaf.pid");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
    }

    /** The JVM's command-line arguments, read from /proc. */
    List<String> arguments() throws IOException {
        long pid = pid().orElseThrow(() -> new IOException("no karaf.pid in " + home));
        String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
        return List.of(cmdline.split("\0"));
    }

    /** bin/stop, then waits for the JVM to exit; kills it after a minute. Safe to call when it never started. */
    void stop() throws IOException, InterruptedException {
        Optional<ProcessHandle> jvm = pid().flatMap(ProcessHandle::of);
        ExternalCommand.Result stopped = ExternalCommand.run(home, environment, null, SCRIPT, "bin/stop");
        if (jvm.isEmpty()) {
            return;
        }
        try {
            jvm.get().onExit().get(STOP.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException notStopped) {
            System.err.println("Karaf in " + home + " still runs " + STOP + " after bin/stop (exit " + stopped.exit()
                    + "); killing pid " + jvm.get().pid());
            kill(jvm.get());
        }
    }

    /** Kills the JVM at once; for a benchmark interrupted half way. */
    void kill() throws IOException {
        Optional<ProcessHandle> jvm = pid().flatMap(ProcessHandle::of);
        if (jvm.isPresent()) {
            kill(jvm.get());
        }
    }

    private static void kill(ProcessHandle jvm) {
        jvm.destroyForcibly();
        try {
            jvm.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("pid " + jvm.pid() + " did not exit after kill -9");
        }
    }
}
