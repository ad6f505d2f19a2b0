package io.millwright.api.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MachineEventTest {

    private static final Instant T = Instant.parse("2026-11-24T06:00:00Z");

    @Test
    void eventKeyIsStableForTheSameEvent() {
        StateChanged a = new StateChanged("press01", T, MachineState.RUNNING, MachineState.DOWN);
        StateChanged b = new StateChanged("press01", T, MachineState.RUNNING, MachineState.DOWN);

        assertThat(a.eventKey()).isEqualTo(b.eventKey()).isEqualTo("press01:state:" + T.toEpochMilli() + ":RUNNING>DOWN");
        assertThat(a.topic()).isEqualTo("millwright/machine/state");
    }

    @Test
    void downtimeEventsAreKeyedByTheirDowntime() {
        DowntimeStarted start = new DowntimeStarted("press01", T, "dt-1", MachineState.DOWN, "E17");
        DowntimeEnded end = new DowntimeEnded("press01", T.plusSeconds(90), "dt-1", MachineState.DOWN,
                "E17", Duration.ofSeconds(90), false);

        assertThat(start.eventKey()).isEqualTo("press01:downtime-start:dt-1");
        assertThat(end.eventKey()).isEqualTo("press01:downtime-end:dt-1");
        assertThat(start.eventKey()).isNotEqualTo(end.eventKey());
    }

    @Test
    void aStateChangeMustChangeTheState() {
        assertThatThrownBy(() -> new StateChanged("press01", T, MachineState.IDLE, MachineState.IDLE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("press01");
    }

    @Test
    void runningIsNotADowntimeState() {
        assertThatThrownBy(() -> new DowntimeStarted("press01", T, "dt-2", MachineState.RUNNING, null))
                .hasMessageContaining("cannot be in state RUNNING");
    }

    @Test
    void countsCannotRejectMoreThanTheyMake() {
        assertThat(new CountRecorded("press01", T, 10, 2, "", Duration.ofSeconds(1)).good()).isEqualTo(8);
        assertThatThrownBy(() -> new CountRecorded("press01", T, 1, 2, "", Duration.ofSeconds(1)))
                .hasMessageContaining("rejects=2");
    }
}
