package io.millwright.bench.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private final Lineup lineup = Lineup.of(Path.of("millwright.tar.gz"), Path.of("apache-karaf.tar.gz"));
    private final MachineFacts machine = new MachineFacts("2025-01-01 00:00 UTC", 2, 8 * 1024 * 1024, "cpu",
            "Linux", "0.1 0.1 0.1", "openjdk 17", 2L * 1024 * 1024 * 1024);

    @Test
    void ratiosAreMillwrightMediansOverStockMedians() {
        List<RunResult> results = List.of(
                new RunResult(lineup.millwright(), 1, 3000, 200 * 1024, 60, List.of("-Xmx512m")),
                new RunResult(lineup.stock(), 1, 4000, 400 * 1024, 53, List.of()),
                new RunResult(lineup.stockBoundedHeap(), 1, 3000, 250 * 1024, 53, List.of("-Xmx512m")));

        String markdown = new ResultTable(lineup, results, machine, 10).render();

        assertThat(markdown)
                .contains("| Millwright | `-Xmx512m` | 3.00 | **3.00** | 200 | **200** | 60 | 0.75 | 0.50 |")
                .contains("| stock Karaf (baseline) | JVM default (2048 MiB) | 4.00 | **4.00** | 400 | **400** | 53 | 1.00 | 1.00 |")
                .contains("boot 0.75, resident memory 0.50")
                .contains("boot 1.00, resident memory 0.80");
    }
}
