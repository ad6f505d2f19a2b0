package io.millwright.bench.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunResultTest {

    @Test
    void lastXmxWinsAsInTheJvm() {
        RunResult result = new RunResult(null, 1, 1, 1, 1,
                List.of("java", "-Xms128m", "-Xmx512m", "-Xmx1g", "org.apache.karaf.main.Main"));

        assertThat(result.maxHeapArgument()).contains("-Xmx1g");
    }

    @Test
    void noXmxMeansTheJvmDefault() {
        assertThat(new RunResult(null, 1, 1, 1, 1, List.of("java", "Main")).maxHeapArgument()).isEmpty();
    }
}
