package io.millwright.driver.support.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Round trips of the payloads an edge node sends in a session, as an edge node builds them. */
class SparkplugSessionPayloadsTest {

    private static final long T = 1_700_000_000_000L;

    @Test
    void anNbirthKeepsBdSeqAndTheRebirthControlWithSeqZero() throws Exception {
        SparkplugPayload nbirth = new SparkplugPayload(T, 0, List.of(
                SparkplugMetric.ofLong("bdSeq", -1, 3),
                SparkplugMetric.ofBoolean("Node Control/Rebirth", -1, false)));

        SparkplugPayload decoded = SparkplugCodec.decode(SparkplugCodec.encode(nbirth));

        assertThat(decoded).isEqualTo(nbirth);
        assertThat(decoded.seq()).isZero();
        assertThat(decoded.metrics().get(0).dataType()).isEqualTo(DataType.INT64);
        assertThat(decoded.metrics().get(0).longValue()).isEqualTo(3);
    }

    @Test
    void anNdeathCarriesOnlyBdSeqAndNoSeq() throws Exception {
        SparkplugPayload ndeath = new SparkplugPayload(-1, -1, List.of(SparkplugMetric.ofLong("bdSeq", -1, 255)));

        SparkplugPayload decoded = SparkplugCodec.decode(SparkplugCodec.encode(ndeath));

        assertThat(decoded.seq()).isEqualTo(-1);
        assertThat(decoded.timestamp()).isEqualTo(-1);
        assertThat(decoded.metrics()).singleElement().satisfies(m -> assertThat(m.longValue()).isEqualTo(255));
    }

    @Test
    void aDbirthKeepsEveryTypeAndAliasIncludingUnsignedExtremes() throws Exception {
        SparkplugPayload dbirth = new SparkplugPayload(T, 1, List.of(
                SparkplugMetric.ofBoolean("Running", 17, true),
                SparkplugMetric.ofInt("State", 18, DataType.INT32, 1),
                SparkplugMetric.ofInt("FaultCode", 19, DataType.UINT16, 65_535),
                SparkplugMetric.ofInt("TotalCount", 20, DataType.UINT32, 4_294_967_295L),
                SparkplugMetric.ofInt("Offset", 21, DataType.INT32, -5),
                SparkplugMetric.ofDouble("Speed", 22, 24.5)));

        SparkplugPayload decoded = SparkplugCodec.decode(SparkplugCodec.encode(dbirth));

        assertThat(decoded).isEqualTo(dbirth);
        assertThat(decoded.metrics()).extracting(SparkplugMetric::alias).containsExactly(17L, 18L, 19L, 20L, 21L, 22L);
        assertThat(decoded.metrics().get(3).longValue()).isEqualTo(4_294_967_295L);
        assertThat((int) decoded.metrics().get(4).longValue()).as("an Int32 read back as int").isEqualTo(-5);
    }

    @Test
    void aDdataByAliasCarriesNeitherNameNorDataType() throws Exception {
        SparkplugMetric born = SparkplugMetric.ofInt("TotalCount", 20, DataType.UINT32, 1_234);
        SparkplugPayload ddata = new SparkplugPayload(T + 200, 2, List.of(born.byAlias(),
                SparkplugMetric.ofDouble("Speed", 22, 0).byAlias()));

        byte[] bytes = SparkplugCodec.encode(ddata);
        SparkplugPayload decoded = SparkplugCodec.decode(bytes);

        assertThat(decoded).isEqualTo(ddata);
        assertThat(decoded.metrics()).allSatisfy(m -> {
            assertThat(m.name()).isNull();
            assertThat(m.dataType()).isZero();
        });
        assertThat(decoded.metrics().get(0).resolved("TotalCount", DataType.UINT32)).isEqualTo(born);
        assertThat(bytes.length).as("smaller than the birth's metric").isLessThan(SparkplugCodec.encode(
                new SparkplugPayload(T + 200, 2, List.of(born, SparkplugMetric.ofDouble("Speed", 22, 0)))).length);
    }

    @Test
    void seqSurvivesTheWholeRangeItWrapsIn() throws Exception {
        for (int seq = 0; seq <= 255; seq++) {
            SparkplugPayload p = new SparkplugPayload(T, seq, List.of(SparkplugMetric.ofBoolean(null, 1, seq % 2 == 0)));
            assertThat(SparkplugCodec.decode(SparkplugCodec.encode(p)).seq()).isEqualTo(seq);
        }
    }

    @Test
    void onlyIntegerTypesUpToThirtyTwoBitsGoInIntValueAndOnlyAliasedMetricsGoByAlias() {
        assertThatThrownBy(() -> SparkplugMetric.ofInt("x", 1, DataType.INT64, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("int_value");
        assertThatThrownBy(() -> SparkplugMetric.ofBoolean("Running", -1, true).byAlias())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Running");
    }
}
