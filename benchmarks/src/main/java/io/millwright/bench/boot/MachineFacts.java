package io.millwright.bench.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/** The machine a result was measured on, so that a reader can tell whether two results compare. */
record MachineFacts(String date, int processors, long memTotalKib, String cpu, String os, String loadAverage,
                    String javaVersion, long defaultMaxHeapBytes) {

    static MachineFacts collect(Path workDir) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Duration quick = Duration.ofSeconds(30);
        String version = ExternalCommand.runOk(workDir, Map.of(), null, quick, java, "-version").trim();
        String flags = ExternalCommand.runOk(workDir, Map.of(), null, quick, java, "-XX:+PrintFlagsFinal", "-version");
        return new MachineFacts(
                OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                Runtime.getRuntime().availableProcessors(),
                procField("/proc/meminfo", "MemTotal").map(MachineFacts::leadingNumber).orElse(0L),
                procField("/proc/cpuinfo", "model name").orElse("unknown"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                readLoadAverage(),
                version,
                maxHeapSize(flags));
    }

    /** MaxHeapSize from -XX:+PrintFlagsFinal output, 0 if absent. */
    static long maxHeapSize(String flags) {
        for (String line : flags.split("\\R")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 4 && "MaxHeapSize".equals(fields[1])) {
                return Long.parseLong(fields[3]);
            }
        }
        return 0;
    }

    /** The 1, 5 and 15 minute load averages. */
    private static String readLoadAverage() throws IOException {
        Path path = Path.of("/proc/loadavg");
        if (!Files.exists(path)) {
            return "unknown";
        }
        String[] fields = Files.readString(path).trim().split("\\s+");
        return String.join(" ", fields[0], fields[1], fields[2]);
    }

    private static Optional<String> procField(String file, String key) throws IOException {
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(path)) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                return Optional.of(line.substring(colon + 1).trim());
            }
        }
        return Optional.empty();
    }

    private static long leadingNumber(String text) {
        return Long.parseLong(text.split("\\s+")[0]);
    }
}
