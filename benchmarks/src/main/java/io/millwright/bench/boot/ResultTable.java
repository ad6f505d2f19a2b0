package io.millwright.bench.boot;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders the runs of a lineup as the Markdown of RESULTS.md. */
final class ResultTable {

    private final Lineup lineup;
    private final List<RunResult> results;
    private final MachineFacts machine;
    private final long settleSeconds;

    ResultTable(Lineup lineup, List<RunResult> results, MachineFacts machine, long settleSeconds) {
        this.lineup = lineup;
        this.results = List.copyOf(results);
        this.machine = machine;
        this.settleSeconds = settleSeconds;
    }

    String render() {
        StringBuilder md = new StringBuilder();
        int runs = of(lineup.millwright()).size();
        md.append("## Boot time and memory: Millwright vs stock Apache Karaf\n\n");
        md.append(String.format(Locale.ROOT, "`%s` against `%s`, %d run%s of each variant, alternating; "
                        + "every run is the first boot of a freshly unpacked copy, started with `bin/start`.%n%n",
                lineup.millwright().archive().getFileName(), lineup.stock().archive().getFileName(),
                runs, runs == 1 ? "" : "s"));

        md.append("| variant | max heap | boot, each run (s) | median boot (s) | RSS, each run (MiB) "
                + "| median RSS (MiB) | bundles | boot ÷ stock | RSS ÷ stock |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Variant variant : lineup.inRunOrder()) {
            List<RunResult> own = of(variant);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | **%.2f** | %s | **%.0f** | %s | %.2f | %.2f |%n",
                    variant.label(), maxHeap(own),
                    own.stream().map(r -> seconds(r.bootMillis())).collect(Collectors.joining(", ")),
                    medianBootSeconds(variant),
                    own.stream().map(r -> String.format(Locale.ROOT, "%.0f", mib(r.rssKib())))
                            .collect(Collectors.joining(", ")),
                    medianRssMib(variant),
                    own.stream().map(r -> Integer.toString(r.bundles())).distinct().collect(Collectors.joining("/")),
                    medianBootSeconds(variant) / medianBootSeconds(lineup.stock()),
                    medianRssMib(variant) / medianRssMib(lineup.stock())));
        }

        md.append(String.format(Locale.ROOT, "%n**Millwright ÷ stock Karaf (medians): boot %.2f, resident memory %.2f.** "
                        + "Like for like, against stock Karaf with the same heap bound (%s): boot %.2f, "
                        + "resident memory %.2f.%n%n",
                bootRatio(lineup.stock()), rssRatio(lineup.stock()), Lineup.MILLWRIGHT_HEAP,
                bootRatio(lineup.stockBoundedHeap()), rssRatio(lineup.stockBoundedHeap())));
        md.append(String.format(Locale.ROOT, "Boot: from just before `bin/start` until `%s` over SSH first shows "
                        + "every bundle Active (a fragment: Resolved and attached to its host), confirmed by the next "
                        + "poll ~200 ms later. RSS: VmRSS of the Karaf JVM %d s after that. "
                        + "A ratio below 1 means Millwright needs less.%n%n",
                BootWatcher.LIST_COMMAND, settleSeconds));

        md.append("### Machine\n\n");
        md.append("- date: ").append(machine.date()).append('\n');
        md.append("- processors (nproc): ").append(machine.processors()).append('\n');
        md.append(String.format(Locale.ROOT, "- memory: %.1f GiB (MemTotal)%n", machine.memTotalKib() / 1024.0 / 1024.0));
        md.append("- CPU: ").append(machine.cpu()).append('\n');
        md.append("- OS: ").append(machine.os()).append('\n');
        md.append("- load average when the benchmark started: ").append(machine.loadAverage()).append('\n');
        md.append("- java -version:\n\n```\n").append(machine.javaVersion()).append("\n```\n");
        return md.toString();
    }

    /** Millwright's median boot time over the other variant's. */
    private double bootRatio(Variant other) {
        return medianBootSeconds(lineup.millwright()) / medianBootSeconds(other);
    }

    /** Millwright's median resident memory over the other variant's. */
    private double rssRatio(Variant other) {
        return medianRssMib(lineup.millwright()) / medianRssMib(other);
    }

    private List<RunResult> of(Variant variant) {
        return results.stream().filter(r -> r.variant().equals(variant)).toList();
    }

    private double medianBootSeconds(Variant variant) {
        return Median.of(of(variant).stream().map(RunResult::bootMillis).toList()) / 1000.0;
    }

    private double medianRssMib(Variant variant) {
        return Median.of(of(variant).stream().map(r -> mib(r.rssKib())).toList());
    }

    private String maxHeap(List<RunResult> own) {
        return own.stream().map(RunResult::maxHeapArgument).flatMap(Optional::stream).findFirst()
                .map(xmx -> "`" + xmx + "`")
                .orElse(String.format(Locale.ROOT, "JVM default (%.0f MiB)", machine.defaultMaxHeapBytes() / 1024.0 / 1024.0));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f", millis / 1000.0);
    }

    private static double mib(long kib) {
        return kib / 1024.0;
    }
}
