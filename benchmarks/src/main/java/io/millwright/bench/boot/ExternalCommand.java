package io.millwright.bench.boot;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script or tool to completion. Output goes to a file, never a pipe: bin/start leaves
 * Karaf running with the descriptors it was given, and a pipe would then never close.
 */
final class ExternalCommand {

    /** Environment variables that would change how a Karaf script starts the JVM. */
    private static final List<String> KARAF_ENVIRONMENT = List.of(
            "JAVA_OPTS", "JAVA_NON_DEBUG_OPTS", "EXTRA_JAVA_OPTS", "JAVA_MIN_MEM", "JAVA_MAX_MEM",
            "JAVA_PERM_MEM", "JAVA_MAX_PERM_MEM", "KARAF_HOME", "KARAF_BASE", "KARAF_DATA", "KARAF_ETC",
            "KARAF_LOG", "KARAF_OPTS", "KARAF_SYSTEM_OPTS", "KARAF_DEBUG", "KARAF_REDIRECT",
            "MILLWRIGHT_HEAP", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    record Result(int exit, String output) {
    }

    private ExternalCommand() {
    }

    /**
     * Runs the command in dir with JAVA_HOME set to this JVM, the Karaf variables cleared and
     * then the given ones set; input (may be null for /dev/null) goes to its standard input.
     */
    static Result run(Path dir, Map<String, String> environment, String input, Duration timeout, String... command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "command", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            if (input == null) {
                builder.redirectInput(new File("/dev/null"));
            }
            Map<String, String> env = builder.environment();
            KARAF_ENVIRONMENT.forEach(env::remove);
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.putAll(environment);
            Process process = builder.start();
            if (input != null) {
                try (var stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " in " + dir + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** As {@link #run}, failing with the command's output unless it exits 0. */
    static String runOk(Path dir, Map<String, String> environment, String input, Duration timeout, String... command)
            throws IOException, InterruptedException {
        Result result = run(dir, environment, input, timeout, command);
        if (result.exit() != 0) {
            throw new IOException(String.join(" ", command) + " in " + dir + " exited " + result.exit() + ":\n"
                    + result.output());
        }
        return result.output();
    }
}
