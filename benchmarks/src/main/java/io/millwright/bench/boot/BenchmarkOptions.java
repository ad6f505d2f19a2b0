package io.millwright.bench.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The command line of {@link BootBenchmark}. */
record BenchmarkOptions(Path millwrightArchive, Path stockArchive, int runs, Optional<Path> output, Path workDir,
                        Duration bootTimeout, Duration settle) {

    static final String USAGE = """
            usage: BootBenchmark --millwright <millwright-distribution.tar.gz> --stock <apache-karaf.tar.gz>
                                 [--runs 5] [--out RESULTS.md] [--work target/boot-bench]
                                 [--boot-timeout-seconds 300] [--settle-seconds 10]""";

    static BenchmarkOptions parse(String... args) {
        Path millwright = null;
        Path stock = null;
        int runs = 5;
        Path output = null;
        Path work = Path.of("target", "boot-bench");
        long bootTimeout = 300;
        long settle = 10;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--millwright" -> millwright = Path.of(value);
                case "--stock" -> stock = Path.of(value);
                case "--runs" -> runs = positive(name, value);
                case "--out" -> output = Path.of(value);
                case "--work" -> work = Path.of(value);
                case "--boot-timeout-seconds" -> bootTimeout = positive(name, value);
                case "--settle-seconds" -> settle = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        if (millwright == null || stock == null) {
            throw new IllegalArgumentException("--millwright and --stock are required\n" + USAGE);
        }
        for (Path archive : new Path[] {millwright, stock}) {
            if (!Files.isRegularFile(archive)) {
                throw new IllegalArgumentException("no archive at " + archive.toAbsolutePath());
            }
        }
        return new BenchmarkOptions(millwright.toAbsolutePath(), stock.toAbsolutePath(), runs,
                Optional.ofNullable(output).map(Path::toAbsolutePath), work.toAbsolutePath(),
                Duration.ofSeconds(bootTimeout), Duration.ofSeconds(settle));
    }

    private static int positive(String name, String value) {
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
        if (number < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + number);
        }
        return number;
    }
}
