package io.millwright.bench.boot;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fresh copy of a Karaf archive, unpacked for one run, listening on free loopback ports so that
 * nothing else on the machine is disturbed and a first boot is measured every time.
 */
final class KarafCopy {

    private static final Duration UNPACK = Duration.ofMinutes(2);

    private final Path runDir;
    private final Path home;
    private final int sshPort;

    private KarafCopy(Path runDir, Path home, int sshPort) {
        this.runDir = runDir;
        this.home = home;
        this.sshPort = sshPort;
    }

    /** Unpacks the archive into an emptied runDir and moves SSH and JMX to free loopback ports. */
    static KarafCopy unpack(Path archive, Path runDir) throws IOException, InterruptedException {
        delete(runDir);
        Files.createDirectories(runDir);
        ExternalCommand.runOk(runDir, Map.of(), null, UNPACK, "tar", "xzf", archive.toAbsolutePath().toString());
        Path home = singleDirectory(runDir, archive);

        int sshPort = freePort();
        Path shell = home.resolve("etc/org.apache.karaf.shell.cfg");
        ConfigFile.set(shell, "sshPort", Integer.toString(sshPort));
        // Stock Karaf listens on 0.0.0.0; Millwright ships 127.0.0.1. Loopback for both.
        ConfigFile.set(shell, "sshHost", "127.0.0.1");
        Path management = home.resolve("etc/org.apache.karaf.management.cfg");
        ConfigFile.set(management, "rmiRegistryPort", Integer.toString(freePort()));
        ConfigFile.set(management, "rmiServerPort", Integer.toString(freePort()));
        return new KarafCopy(runDir, home, sshPort);
    }

    Path home() {
        return home;
    }

    int sshPort() {
        return sshPort;
    }

    /** Removes the whole run directory; the Karaf must have stopped. */
    void delete() throws IOException {
        delete(runDir);
    }

    private static Path singleDirectory(Path runDir, Path archive) throws IOException {
        try (Stream<Path> entries = Files.list(runDir)) {
            List<Path> dirs = entries.filter(Files::isDirectory).toList();
            if (dirs.size() != 1) {
                throw new IOException(archive + " did not unpack to a single directory in " + runDir + ": " + dirs);
            }
            return dirs.get(0);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
