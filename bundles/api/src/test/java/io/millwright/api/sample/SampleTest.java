package io.millwright.api.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SampleTest {

    @Test
    void doubleValueKeepsItsBitsAndConverts() {
        Sample s = Sample.ofDouble("press01", "speed", 42.75, Quality.GOOD, null, 1000L, 1005L);

        assertThat(s.type()).isEqualTo(ValueType.DOUBLE);
        assertThat(s.asDouble()).isEqualTo(42.75);
        assertThat(s.asLong()).isEqualTo(42L);
        assertThat(s.asBoolean()).isTrue();
        assertThat(s.value()).isEqualTo(42.75);
        assertThat(s.sourceTime()).isEqualTo(1000L);
        assertThat(s.receiveTime()).isEqualTo(1005L);
        assertThat(s.qualityReason()).isNull();
    }

    @Test
    void longAndBooleanValuesConvertBothWays() {
        Sample count = Sample.ofLong("press01", "total", 4_294_967_295L, Quality.GOOD, null, 1L, 1L);
        Sample running = Sample.ofBoolean("press01", "running", true, Quality.GOOD, null, 1L, 1L);

        assertThat(count.asLong()).isEqualTo(4_294_967_295L);
        assertThat(count.asDouble()).isEqualTo(4_294_967_295.0);
        assertThat(count.asString()).isEqualTo("4294967295");
        assertThat(running.asLong()).isEqualTo(1L);
        assertThat(running.asString()).isEqualTo("true");
        assertThat(running.value()).isEqualTo(Boolean.TRUE);
    }

    @Test
    void textThatIsNotANumberSaysWhichTag() {
        Sample s = Sample.ofString("line1-gw", "batch", "A-17", Quality.GOOD, null, 1L, 1L);

        assertThat(s.asString()).isEqualTo("A-17");
        assertThatThrownBy(s::asLong)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line1-gw/batch")
                .hasMessageContaining("A-17");
    }

    @Test
    void badSampleCarriesItsReasonAndNoValue() {
        Sample s = Sample.bad("press01", "fault", "Modbus exception 2: illegal data address", 5L, 6L);

        assertThat(s.isGood()).isFalse();
        assertThat(s.quality()).isEqualTo(Quality.BAD);
        assertThat(s.qualityReason()).contains("illegal data address");
        assertThat(s.value()).isNull();
        assertThatThrownBy(s::asDouble).hasMessageContaining("illegal data address");
    }

    @Test
    void qualityOtherThanGoodNeedsAReason() {
        assertThatThrownBy(() -> Sample.ofLong("press01", "total", 1, Quality.UNCERTAIN, " ", 1L, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("press01/total")
                .hasMessageContaining("no reason");
    }

    @Test
    void goodSampleDropsAnyReasonGiven() {
        Sample s = Sample.ofLong("press01", "total", 1, Quality.GOOD, "ignored", 1L, 1L);

        assertThat(s.qualityReason()).isNull();
    }

    @Test
    void deviceAndTagMustBeNamed() {
        assertThatThrownBy(() -> Sample.ofLong("", "total", 1, Quality.GOOD, null, 1L, 1L))
                .hasMessageContaining("deviceId");
        assertThatThrownBy(() -> Sample.ofLong("press01", null, 1, Quality.GOOD, null, 1L, 1L))
                .hasMessageContaining("tag");
    }

    @Test
    void equalSamplesAreEqual() {
        Sample a = Sample.ofLong("d", "t", 7, Quality.GOOD, null, 1L, 2L);
        Sample b = Sample.ofLong("d", "t", 7, Quality.GOOD, null, 1L, 2L);
        Sample c = Sample.ofDouble("d", "t", 7.0, Quality.GOOD, null, 1L, 2L);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
        assertThat(a.toString()).contains("d/t=7").contains("GOOD");
    }
}
