package io.millwright.simulator.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.simulation.ControllerStatus;
import io.millwright.api.simulation.MachineSnapshot;
import io.millwright.api.simulation.StopCause;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonMessageTest {

    @Test
    void aSnapshotIsOneFlatObjectWithTheTimeFirst() {
        MachineSnapshot s = new MachineSnapshot(1_700_000_000_123L, ControllerStatus.DOWN, StopCause.FAULT, 52,
                4_294_967_295L, 17, 0.0, false);

        String json = new String(JsonMessage.of(s, MachineMetric.valuesOf(s)), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"ts\":1700000000123,\"running\":false,\"faulted\":true,\"state\":3,"
                + "\"stateName\":\"DOWN\",\"stopCause\":4,\"faultCode\":52,\"totalCount\":4294967295,"
                + "\"rejectCount\":17,\"speed\":0.0}");
    }

    @Test
    void aSpeedThatIsNotANumberIsNull() {
        MachineSnapshot s = new MachineSnapshot(1, ControllerStatus.RUNNING, StopCause.NONE, 0, 1, 0, Double.NaN, false);
        assertThat(new String(JsonMessage.of(s, MachineMetric.valuesOf(s)), StandardCharsets.UTF_8))
                .contains("\"running\":true").endsWith("\"speed\":null}");
    }
}
