package io.millwright.bench.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineFactsTest {

    @Test
    void readsMaxHeapSizeFromPrintFlagsFinal() {
        String flags = """
                   size_t MaxHeapFreeRatio                         = 70                                        {manageable} {default}
                   size_t MaxHeapSize                              = 6320816128                                {product} {ergonomic}
                """;

        assertThat(MachineFacts.maxHeapSize(flags)).isEqualTo(6_320_816_128L);
    }
}
