package io.millwright.core.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import org.junit.jupiter.api.Test;

class SignalTransformTest {

    private static Sample word(long value) {
        return Sample.ofLong("plc1", "status", value, Quality.GOOD, null, 1L, 1L);
    }

    @Test
    void bitOfAStatusWord() {
        SignalTransform bit3 = SignalTransform.parse("bit(3)");
        assertThat(bit3.toBoolean(word(0b1000))).isTrue();
        assertThat(bit3.toBoolean(word(0b0111))).isFalse();
        assertThat(bit3.toLong(word(0b1000))).isEqualTo(1);
    }

    @Test
    void equalsNumberOrText() {
        assertThat(SignalTransform.parse("eq(2)").toBoolean(word(2))).isTrue();
        assertThat(SignalTransform.parse("eq(2)").toBoolean(word(3))).isFalse();
        Sample mode = Sample.ofString("plc1", "mode", "AUTO", Quality.GOOD, null, 1L, 1L);
        assertThat(SignalTransform.parse("eq(AUTO)").toBoolean(mode)).isTrue();
        assertThat(SignalTransform.parse("ne(AUTO)").toBoolean(mode)).isFalse();
    }

    @Test
    void thresholdAndScale() {
        Sample speed = Sample.ofDouble("plc1", "speed", 125.0, Quality.GOOD, null, 1L, 1L);
        assertThat(SignalTransform.parse("gt(100)").toBoolean(speed)).isTrue();
        assertThat(SignalTransform.parse("threshold(200)").toBoolean(speed)).isFalse();
        assertThat(SignalTransform.parse("scale(0.1)").toDouble(speed)).isEqualTo(12.5);
        assertThat(SignalTransform.parse("scale(10)").toLong(word(7))).isEqualTo(70);
    }

    @Test
    void identityPassesTheValue() {
        assertThat(SignalTransform.parse("").toLong(word(42))).isEqualTo(42);
        assertThat(SignalTransform.IDENTITY.toBoolean(word(0))).isFalse();
    }

    @Test
    void malformedTransformsSayWhatIsWrong() {
        assertThatThrownBy(() -> SignalTransform.parse("bit(x)")).hasMessageContaining("'x' is not a whole number");
        assertThatThrownBy(() -> SignalTransform.parse("bit(64)")).hasMessageContaining("0..63");
        assertThatThrownBy(() -> SignalTransform.parse("gt()")).hasMessageContaining("needs an argument");
        assertThatThrownBy(() -> SignalTransform.parse("round")).hasMessageContaining("is not one of");
    }
}
