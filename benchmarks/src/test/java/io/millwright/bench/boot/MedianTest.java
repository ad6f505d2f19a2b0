package io.millwright.bench.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedianTest {

    @Test
    void oddSampleTakesTheMiddleValueWhateverTheOrder() {
        assertThat(Median.of(List.of(9L, 1L, 7L, 3L, 5L))).isEqualTo(5.0);
    }

    @Test
    void evenSampleTakesTheMeanOfTheMiddleTwo() {
        assertThat(Median.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void emptySampleHasNoMedian() {
        assertThatThrownBy(() -> Median.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
