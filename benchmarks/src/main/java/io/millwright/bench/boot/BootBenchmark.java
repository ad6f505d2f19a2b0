package io.millwright.bench.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Boots the Millwright distribution and stock Apache Karaf the same way, several times each and
 * alternating, and reports the median time until every bundle is started and the median
 * resident memory after boot, as Markdown (RESULTS.md). Linux only: it reads /proc.
 */
public final class BootBenchmark {

    private BootBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            String markdown = run(options);
            System.out.print(markdown);
            if (options.output().isPresent()) {
                Files.writeString(options.output().get(), markdown, StandardCharsets.UTF_8);
                System.err.println("Wrote " + options.output().get());
            }
        } catch (IOException e) {
            System.err.println("Boot benchmark failed: " + e.getMessage());
            System.exit(1);
        }
    }

    static String run(BenchmarkOptions options) throws IOException, InterruptedException {
        Files.createDirectories(options.workDir());
        MachineFacts machine = MachineFacts.collect(options.workDir());
        Lineup lineup = Lineup.of(options.millwrightArchive(), options.stockArchive());
        BootRun boot = new BootRun(options.workDir(), options.bootTimeout(), options.settle());

        List<RunResult> results = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            for (Variant variant : lineup.inRunOrder()) {
                System.err.printf(Locale.ROOT, "[%d/%d] %s ...%n", run, options.runs(), variant.label());
                RunResult result = boot.measure(variant, run);
                System.err.printf(Locale.ROOT, "[%d/%d] %s: boot %.2f s, RSS %.0f MiB, %d bundles%n", run,
                        options.runs(), variant.label(), result.bootMillis() / 1000.0, result.rssKib() / 1024.0,
                        result.bundles());
                results.add(result);
            }
        }
        return new ResultTable(lineup, results, machine, options.settle().toSeconds()).render();
    }
}
