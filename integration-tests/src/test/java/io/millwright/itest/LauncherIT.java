package io.millwright.itest;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.itest.UnpackedDistribution.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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

    private UnpackedDistribution karaf;
    private Path home;
    private int sshPort;

    @BeforeAll
    void unpackAndStart() throws Exception {
        karaf = UnpackedDistribution.unpack("launcher");
        home = karaf.home;
        sshPort = karaf.sshPort;
        karaf.addUser("admin", "admin", ADMIN_PASSWORD);
        karaf.addUser("linelead", "viewer", VIEWER_PASSWORD);
        karaf.startAndWait("admin", ADMIN_PASSWORD, "millwright:health", "OK: nothing wrong", BOOT);
    }

    @AfterAll
    void stopForSure() throws Exception {
        if (karaf != null) {
            karaf.destroy();
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
        assertThat(features.out()).contains("millwright-minimal").contains("millwright-platform").contains("millwright-api");
        assertThat(features.exit()).isZero();
    }

    @Test
    @Order(3)
    void viewerIsRefusedAChangingCommandOverSsh() throws Exception {
        Result look = client("linelead", VIEWER_PASSWORD, "millwright:health");
        assertThat(look.out()).contains("OK: nothing wrong");

        Result change = client("linelead", VIEWER_PASSWORD, "millwright:profile-install millwright-demo");
        assertThat(change.out()).contains("Command not found");
        assertThat(change.exit()).isNotZero();
        assertThat(client("admin", ADMIN_PASSWORD, "millwright:profiles").out())
                .containsPattern("millwright-demo\\s*\\|[^|]*\\|\\s*no");
    }

    @Test
    @Order(4)
    void wrongPasswordIsRefusedAndAudited() throws Exception {
        Result wrong = client("admin", "not-the-password", "millwright:health");
        assertThat(wrong.out()).doesNotContain("OK: nothing wrong");
        assertThat(wrong.exit()).isNotZero();
        String security = Files.readString(home.resolve("data/log/security.log"), StandardCharsets.UTF_8);
        assertThat(security).contains("Authentication failed - admin").contains("Authentication succeeded - admin");
    }

    @Test
    @Order(4)
    void passwordChangeTakesEffectWhileRunning() throws Exception {
        String changed = "changed-viewer-Pa55";
        exec(home, changed + "\n", "bin/millwright-admin", "passwd", "linelead", "--password-stdin").ok();

        assertThat(client("linelead", changed, "millwright:health").out()).contains("OK: nothing wrong");
        assertThat(client("linelead", VIEWER_PASSWORD, "millwright:health").out()).doesNotContain("OK: nothing wrong");
        assertThat(exec(home, null, "bin/millwright-admin", "list").ok().out())
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
        return karaf.client(user, password, command);
    }

    private Optional<Long> pid() throws IOException {
        return karaf.pid();
    }

    private static Result exec(Path dir, String input, String... command) throws Exception {
        return UnpackedDistribution.exec(dir, input, command);
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
}
