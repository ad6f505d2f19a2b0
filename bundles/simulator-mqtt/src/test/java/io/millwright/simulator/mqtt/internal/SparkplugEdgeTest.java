package io.millwright.simulator.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.simulation.ControllerStatus;
import io.millwright.api.simulation.MachineSnapshot;
import io.millwright.api.simulation.StopCause;
import io.millwright.driver.support.sparkplug.DataType;
import io.millwright.driver.support.sparkplug.SparkplugCodec;
import io.millwright.driver.support.sparkplug.SparkplugMetric;
import io.millwright.driver.support.sparkplug.SparkplugPayload;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SparkplugEdgeTest {

    private static final MachineSnapshot RUNNING = new MachineSnapshot(1_000, ControllerStatus.RUNNING, StopCause.NONE,
            0, 4_294_967_295L, 3, 24.5, false);

    private final SparkplugEdge edge = new SparkplugEdge("Millwright", "simulator");

    @Test
    void topicsFollowTheSparkplugNamespace() {
        assertThat(edge.nodeTopic("NBIRTH")).isEqualTo("spBv1.0/Millwright/NBIRTH/simulator");
        assertThat(edge.deviceTopic("DDATA", "press01")).isEqualTo("spBv1.0/Millwright/DDATA/simulator/press01");
    }

    @Test
    void theNbirthStartsTheSequenceAtZeroAndEveryMessageAfterItCountsOnWrappingAfter255() throws Exception {
        Map<MachineMetric, Object> values = MachineMetric.valuesOf(RUNNING);
        SparkplugPayload nbirth = decode(edge.nbirth(7, 5));
        assertThat(nbirth.seq()).isZero();
        assertThat(nbirth.metrics()).extracting(SparkplugMetric::name).containsExactly("bdSeq", "Node Control/Rebirth");
        assertThat(nbirth.metrics().get(0).longValue()).isEqualTo(7);

        long expected = 1;
        for (int i = 0; i < 300; i++) {
            assertThat(decode(edge.ddata("press01", values, List.of(MachineMetric.SPEED), 6)).seq()).isEqualTo(expected);
            expected = (expected + 1) % 256;
        }
        assertThat(decode(edge.nbirth(7, 7)).seq()).as("a rebirth starts again").isZero();
    }

    @Test
    void theDbirthDeclaresEveryMetricWithTypeAndAnAliasUniqueAcrossTheNode() throws Exception {
        Set<Long> aliases = new HashSet<>();
        for (String id : List.of("press01", "press02", "press03")) {
            SparkplugPayload dbirth = decode(edge.dbirth(id, MachineMetric.valuesOf(RUNNING), 1_000));
            assertThat(dbirth.timestamp()).isEqualTo(1_000);
            assertThat(dbirth.metrics()).extracting(SparkplugMetric::name).containsExactly("Running", "Faulted", "State",
                    "StopCause", "FaultCode", "TotalCount", "RejectCount", "Speed");
            assertThat(dbirth.metrics()).extracting(SparkplugMetric::dataType).containsExactly(DataType.BOOLEAN,
                    DataType.BOOLEAN, DataType.INT32, DataType.INT32, DataType.UINT16, DataType.UINT32, DataType.UINT32,
                    DataType.DOUBLE);
            assertThat(dbirth.metrics().get(5).longValue()).isEqualTo(4_294_967_295L);
            dbirth.metrics().forEach(m -> assertThat(aliases.add(m.alias())).as("alias %d unique", m.alias()).isTrue());
        }
        assertThat(edge.alias("press02", MachineMetric.TOTAL_COUNT)).as("kept while the face runs")
                .isEqualTo(edge.alias("press02", MachineMetric.TOTAL_COUNT));
    }

    @Test
    void ddataCarriesOnlyTheGivenSparkplugMetricsByAlias() throws Exception {
        Map<MachineMetric, Object> values = MachineMetric.valuesOf(RUNNING);
        SparkplugPayload ddata = decode(edge.ddata("press01", values,
                List.of(MachineMetric.STATE_NAME, MachineMetric.TOTAL_COUNT, MachineMetric.SPEED), 1_200));

        assertThat(ddata.metrics()).extracting(SparkplugMetric::name).containsOnlyNulls();
        assertThat(ddata.metrics()).extracting(SparkplugMetric::alias).containsExactly(
                edge.alias("press01", MachineMetric.TOTAL_COUNT), edge.alias("press01", MachineMetric.SPEED));
        assertThat(ddata.metrics().get(1).doubleValue()).isEqualTo(24.5);
        assertThat(edge.ddata("press01", values, List.of(MachineMetric.STATE_NAME), 1_300))
                .as("the state name is no Sparkplug metric").isNull();
    }

    @Test
    void theWillCarriesOnlyBdSeqAndNoSeq() throws Exception {
        SparkplugPayload ndeath = decode(edge.ndeath(3));
        assertThat(ndeath.seq()).isEqualTo(-1);
        assertThat(ndeath.metrics()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("bdSeq");
            assertThat(m.longValue()).isEqualTo(3);
        });
        assertThat(edge.ndeath(3).topic()).isEqualTo("spBv1.0/Millwright/NDEATH/simulator");
    }

    @Test
    void onlyRebirthTrueAsksForARebirth() throws Exception {
        assertThat(SparkplugEdge.asksRebirth(SparkplugCodec.encode(new SparkplugPayload(1, -1,
                List.of(SparkplugMetric.ofBoolean("Node Control/Rebirth", -1, true)))))).isTrue();
        assertThat(SparkplugEdge.asksRebirth(SparkplugCodec.encode(new SparkplugPayload(1, -1,
                List.of(SparkplugMetric.ofBoolean("Node Control/Rebirth", -1, false)))))).isFalse();
        assertThat(SparkplugEdge.asksRebirth(SparkplugCodec.encode(new SparkplugPayload(1, -1,
                List.of(SparkplugMetric.ofBoolean("Node Control/Reboot", -1, true)))))).isFalse();
    }

    private static SparkplugPayload decode(Outgoing message) throws Exception {
        return SparkplugCodec.decode(message.payload());
    }
}
