package io.millwright.bench.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkOptionsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsToFiveRunsAndTenSecondsOfSettling() throws IOException {
        Path mw = Files.createFile(dir.resolve("mw.tar.gz"));
        Path stock = Files.createFile(dir.resolve("stock.tar.gz"));

        BenchmarkOptions options = BenchmarkOptions.parse("--millwright", mw.toString(), "--stock", stock.toString());

        assertThat(options.runs()).isEqualTo(5);
        assertThat(options.settle()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.output()).isEmpty();
    }

    @Test
    void refusesAMissingArchiveAndNamesIt() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--millwright", "nowhere.tar.gz", "--stock", "x.tar.gz"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nowhere.tar.gz");
    }

    @Test
    void refusesZeroRuns() throws IOException {
        Path mw = Files.createFile(dir.resolve("mw.tar.gz"));

        assertThatThrownBy(() -> BenchmarkOptions.parse("--millwright", mw.toString(), "--stock", mw.toString(),
                "--runs", "0")).hasMessageContaining("--runs");
    }
}
