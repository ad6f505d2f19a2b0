package io.millwright.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The archive as a newcomer uses it, through its own scripts: unpack, create the first admin with
 * bin/millwright-admin, bin/start, bin/client, bin/stop. Linux only (reads /proc for sockets).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

    private static final String ADMIN_PASSWORD = "first-admin-Pa55";
    private static final String VIEWER_PASSWORD = "line-viewer-Pa55";
    private static final Duration BOOT = Duration.ofSeconds(150);

    private Path home;
    private int sshPort;

    @BeforeAll
    void unpackAndStart() throws Exception {
        Path archive = Paths.get(System.getProperty("millwright.distribution"));
        Path target = Paths.get("target", "launcher").toAbsolutePath();
        deleteTree(target);
        Files.createDirectories(target);
        exec(target, null, "tar", "xzf", archive.toString()).ok();
        home = target.resolve("millwright-distribution-" + System.getProperty("millwright.version"));

        sshPort = freePort();
        replaceLine(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(sshPort));
        replaceLine(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(freePort()));
        replaceLine(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(freePort()));

        exec(home, ADMIN_PASSWORD + "\n", "bin/millwright-admin", "add-user", "admin", "admin", "--password-stdin").ok();
        exec(home, VIEWER_PASSWORD + "\n", "bin/millwright-admin", "add-user", "linelead", "viewer", "--password-stdin").ok();

        exec(home, null, "bin/start").ok();
        long deadline = System.nanoTime() + BOOT.toNanos();
        Result health;
        do {
            Thread.sleep(1000);
            health = client("admin", ADMIN_PASSWORD, "millwright:health");
        } while (!health.out.contains("OK: nothing wrong") && System.nanoTime() < deadline);
        assertThat(health.out).as("millwright:health after boot").contains("OK: nothing wrong");
    }

    @AfterAll
    void stopForSure() throws Exception {
        if (home != null) {
            pid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    @Order(1)
    void firstAdminIsStoredAsADigestOnly() throws IOException {
        String users = Files.readString(home.resolve("etc/users.properties"), StandardCharsets.UTF_8);
        assertThat(users).doesNotContain(ADMIN_PASSWORD).doesNotContain(VIEWER_PASSWORD);
        assertThat(users).containsPattern("(?m)^admin = \\{CRYPT\\}[0-9a-fA-F]{128}\\{CRYPT\\},_g_:admingroup$");
    }

    @Test
    @Order(2)
    void clientRunsCommandsAndListsTheMillwrightFeatures() throws Exception {
        Result features = client("admin", ADMIN_PASSWORD, "feature:list -i");
        assertThat(features.out).contains("millwright-minimal").contains("millwright-platform").contains("millwright-api");
        assertThat(features.exit).isZero();
    }

    @Test
    @Order(3)
    void viewerIsRefusedAChangingCommandOverSsh() throws Exception {
        Result look = client("linelead", VIEWER_PASSWORD, "millwright:health");
        assertThat(look.out).contains("OK: nothing wrong");

        Result change = client("linelead", VIEWER_PASSWORD, "millwright:profile-install millwright-demo");
        assertThat(change.out).contains("Command not found");
        assertThat(change.exit).isNotZero();
        assertThat(client("admin", ADMIN_PASSWORD, "millwright:profiles").out)
                .containsPattern("millwright-demo\\s*\\|[^|]*\\|\\s*no");
    }

    @Test
    @Order(4)
    void wrongPasswordIsRefusedAndAudited() throws Exception {
        Result wrong = client("admin", "not-the-password", "millwright:health");
        assertThat(wrong.out).doesNotContain("OK: nothing wrong");
        assertThat(wrong.exit).isNotZero();
        String security = Files.readString(home.resolve("data/log/security.log"), StandardCharsets.UTF_8);
        assertThat(security).contains("Authentication failed - admin").contains("Authentication succeeded - admin");
    }

    @Test
    @Order(4)
    void passwordChangeTakesEffectWhileRunning() throws Exception {
        String changed = "changed-viewer-Pa55";
        exec(home, changed + "\n", "bin/millwright-admin", "passwd", "linelead", "--password-stdin").ok();

        assertThat(client("linelead", changed, "millwright:health").out).contains("OK: nothing wrong");
        assertThat(client("linelead", VIEWER_PASSWORD, "millwright:health").out).doesNotContain("OK: nothing wrong");
        assertThat(exec(home, null, "bin/millwright-admin", "list").ok().out)
                .contains("admin\tadmingroup").contains("linelead\tviewergroup");
    }

    @Test
    @Order(5)
    void sshListensOnLoopbackOnly() throws IOException {
        List<String> listeners = listeners(sshPort);
        assertThat(listeners).as("listening sockets on the SSH port").isNotEmpty();
        assertThat(listeners).allSatisfy(address -> assertThat(isLoopback(address))
                .as("SSH listens on %s", address).isTrue());
    }

    @Test
    @Order(6)
    void heapIsBounded() throws Exception {
        long pid = pid().orElseThrow();
        String commandLine = ProcessHandle.of(pid).flatMap(p -> p.info().arguments())
                .map(args -> String.join(" ", args)).orElse("");
        assertThat(commandLine).contains("-Xmx512m");
    }

    @Test
    @Order(7)
    void stopStopsIt() throws Exception {
        long pid = pid().orElseThrow();
        exec(home, null, "bin/stop").ok();
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            process.get().onExit().get(60, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    // --- helpers -------------------------------------------------------------------------------

    private Result client(String user, String password, String command) throws Exception {
        return exec(home, null, "bin/client", "-a", Integer.toString(sshPort), "-u", user, "-p", password,
                "-r", "1", command);
    }

    private Optional<Long> pid() throws IOException {
        Path file = home.resolve("karaf.pid");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(Files.readString(file).trim()));
    }

    /** Local addresses (hex, as /proc shows them) of sockets listening on the port. */
    private static List<String> listeners(int port) throws IOException {
        List<String> found = new ArrayList<>();
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Paths.get(table);
            if (!Files.exists(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[1].endsWith(hexPort) && "0A".equals(fields[3])) {
                    found.add(fields[1].substring(0, fields[1].indexOf(':')));
                }
            }
        }
        return found;
    }

    /** 127.x.x.x in /proc/net/tcp (little-endian), ::1 or ::ffff:127.x.x.x in tcp6. */
    static boolean isLoopback(String hex) {
        if (hex.length() == 8) {
            return hex.endsWith("7F");
        }
        return hex.equals("00000000000000000000000001000000")
                || hex.startsWith("0000000000000000FFFF0000") && hex.endsWith("7F");
    }

    private static void replaceLine(Path file, String key, String value) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        String updated = m.find() ? m.replaceFirst(key + " = " + value) : text + "\n" + key + " = " + value + "\n";
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }

    private record Result(int exit, String out) {
        Result ok() {
            assertThat(exit).as("exit code; output:\n%s", out).isZero();
            return this;
        }
    }

    private static Result exec(Path dir, String input, String... command) throws Exception {
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
