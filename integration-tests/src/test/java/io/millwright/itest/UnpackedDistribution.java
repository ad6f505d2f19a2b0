package io.millwright.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built archive unpacked into a folder and driven through its own scripts, as a plant's IT
 * would: bin/millwright-admin, bin/start, bin/client, bin/stop; on free ports.
 */
final class UnpackedDistribution {

    final Path home;
    final int sshPort;

    private UnpackedDistribution(Path home, int sshPort) {
        this.home = home;
        this.sshPort = sshPort;
    }

    /** Unpacks the archive under {@code target/<folder>} (emptied first) and moves its ports to free ones. */
    static UnpackedDistribution unpack(String folder) throws Exception {
        Path archive = Paths.get(System.getProperty("millwright.distribution"));
        Path target = Paths.get("target", folder).toAbsolutePath();
        deleteTree(target);
        Files.createDirectories(target);
        exec(target, null, "tar", "xzf", archive.toString()).ok();
        Path home = target.resolve("millwright-distribution-" + System.getProperty("millwright.version"));
        int sshPort = freePort();
        replaceLine(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(sshPort));
        replaceLine(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(freePort()));
        replaceLine(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(freePort()));
        return new UnpackedDistribution(home, sshPort);
    }

    void addUser(String user, String role, String password) throws Exception {
        exec(home, password + "\n", "bin/millwright-admin", "add-user", user, role, "--password-stdin").ok();
    }

    /** bin/start, then waits until bin/client's answer to {@code command} contains {@code expected}. */
    Result startAndWait(String user, String password, String command, String expected, Duration timeout)
            throws Exception {
        exec(home, null, "bin/start").ok();
        long deadline = System.nanoTime() + timeout.toNanos();
        Result answer;
        do {
            Thread.sleep(1000);
            answer = client(user, password, command);
        } while (!answer.out.contains(expected) && System.nanoTime() < deadline);
        assertThat(answer.out).as("%s after start", command).contains(expected);
        return answer;
    }

    Result client(String user, String password, String command) throws Exception {
        return exec(home, null, "bin/client", "-a", Integer.toString(sshPort), "-u", user, "-p", password,
                "-r", "1", command);
    }

    Optional<Long> pid() throws IOException {
        Path file = home.resolve("karaf.pid");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(Files.readString(file).trim()));
    }

    /** kill -9: the JVM gets no chance to flush, close or shut anything down. */
    void killNine() throws Exception {
        long pid = pid().orElseThrow(() -> new AssertionError("no karaf.pid in " + home));
        exec(home, null, "kill", "-9", Long.toString(pid)).ok();
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            process.get().onExit().get(60, TimeUnit.SECONDS);
        }
    }

    /** Kills whatever is left (after a failed test). */
    void destroy() throws IOException {
        pid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
    }

    void writeEtc(String fileName, String content) throws IOException {
        Files.writeString(home.resolve("etc").resolve(fileName), content, StandardCharsets.UTF_8);
    }

    /**
     * Boots the demo profile as ./millwright-demo does: a second boot stage after the first one
     * (whose wrap URL handler the demo's wrapped Milo bundles need).
     */
    void bootDemoProfile() throws IOException {
        Path cfg = home.resolve("etc/org.apache.karaf.features.cfg");
        String text = Files.readString(cfg, StandardCharsets.UTF_8);
        Matcher version = Pattern.compile("millwright-minimal/([^,) \\\\]+)").matcher(text);
        Matcher stageEnd = Pattern.compile("(?m)^(\\s*[^#\\s].*)\\)[ \\t]*$").matcher(text);
        if (!version.find() || !stageEnd.find()) {
            throw new IllegalStateException("no staged featuresBoot with millwright-minimal in " + cfg);
        }
        Files.writeString(cfg, text.substring(0, stageEnd.end(1)) + "), millwright-demo/" + version.group(1)
                + text.substring(stageEnd.end()), StandardCharsets.UTF_8);
    }

    static void replaceLine(Path file, String key, String value) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        String updated = m.find() ? m.replaceFirst(key + " = " + value) : text + "\n" + key + " = " + value + "\n";
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }

    record Result(int exit, String out) {
        Result ok() {
            assertThat(exit).as("exit code; output:\n%s", out).isZero();
            return this;
        }
    }

    static Result exec(Path dir, String input, String... command) throws Exception {
        // Output goes to a file, not a pipe: bin/start leaves Karaf running with our descriptors.
        Path log = Files.createTempFile(Paths.get("target"), "exec", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(process.exitValue(), out);
    }
}
