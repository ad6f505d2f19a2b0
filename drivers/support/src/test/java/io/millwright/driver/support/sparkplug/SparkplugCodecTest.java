package io.millwright.driver.support.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparkplugCodecTest {

    @Test
    void aPayloadSurvivesEncodeAndDecode() throws Exception {
        SparkplugPayload p = new SparkplugPayload(1_700_000_000_123L, 255, List.of(
                SparkplugMetric.ofDouble("temp", 1, -3.25),
                SparkplugMetric.ofLong("count", 2, Long.MAX_VALUE),
                SparkplugMetric.ofBoolean("run", -1, true),
                SparkplugMetric.ofString("product", 4, "P-7 ü"),
                new SparkplugMetric("f", 5, 10, DataType.FLOAT, false, 'f', 0, 1.5, null),
                new SparkplugMetric("n", 6, -1, DataType.INT16, true, (char) 0, 0, 0, null)));
        assertThat(SparkplugCodec.decode(SparkplugCodec.encode(p))).isEqualTo(p);
    }

    @Test
    void decodesBytesWrittenByTheReferenceEncoding() throws Exception {
        // timestamp 1, metric {name "a", alias 3, datatype Int32, int_value 0xFFFFFFFF (-1)}, seq 7
        byte[] bytes = HexFormat.of().parseHex("0801" + "120d" + "0a0161" + "1003" + "2003" + "50" + "ffffffff0f" + "1807");
        SparkplugPayload p = SparkplugCodec.decode(bytes);
        assertThat(p.seq()).isEqualTo(7);
        assertThat(p.metrics()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("a");
            assertThat(m.alias()).isEqualTo(3);
            assertThat((int) m.longValue()).isEqualTo(-1);
        });
    }

    @Test
    void unknownFieldsAreSkipped() throws Exception {
        // uuid (4) "x", then seq 1
        byte[] bytes = HexFormat.of().parseHex("2201781801");
        assertThat(SparkplugCodec.decode(bytes).seq()).isEqualTo(1);
    }

    @Test
    void brokenPayloadsAreRefusedWithTheOffset() {
        assertThatThrownBy(() -> SparkplugCodec.decode(HexFormat.of().parseHex("127f01")))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("runs past the end");
        assertThatThrownBy(() -> SparkplugCodec.decode(HexFormat.of().parseHex("08ffff")))
                .hasMessageContaining("truncated varint at offset 1");
        assertThatThrownBy(() -> SparkplugCodec.decode(HexFormat.of().parseHex("1d01000000")))
                .hasMessageContaining("seq has wire type 5");
        assertThatThrownBy(() -> SparkplugCodec.decode(HexFormat.of().parseHex("18ac02")))
                .hasMessageContaining("seq 300 is outside 0..255");
        assertThatThrownBy(() -> SparkplugCodec.decode(HexFormat.of().parseHex("12022005")))
                .hasMessageContaining("has neither a name nor an alias");
        assertThatThrownBy(() -> SparkplugCodec.decode("{\"not\":\"protobuf\"}".getBytes()))
                .isInstanceOf(MalformedPayloadException.class);
    }
}
