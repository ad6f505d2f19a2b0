package io.millwright.bench.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ResidentMemoryTest {

    @Test
    void readsVmRssInKib() throws IOException {
        String status = "Name:\tjava\nVmPeak:\t 5000000 kB\nVmRSS:\t  349580 kB\nRssAnon:\t  300000 kB\n";

        assertThat(ResidentMemory.parseKib(status, "test")).isEqualTo(349_580L);
    }

    @Test
    void missingVmRssNamesTheSource() {
        assertThatThrownBy(() -> ResidentMemory.parseKib("Name:\tjava\n", "/proc/42/status"))
                .isInstanceOf(IOException.class).hasMessageContaining("/proc/42/status");
    }

    @Test
    void readsThisProcess() throws IOException {
        assertThat(ResidentMemory.kibOf(ProcessHandle.current().pid())).isPositive();
    }
}
