package io.millwright.api.machine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineStateTest {

    @Test
    void precedenceFollowsTheDesignOrder() {
        assertThat(MachineState.OFFLINE.outranks(MachineState.PLANNED_STOP)).isTrue();
        assertThat(MachineState.PLANNED_STOP.outranks(MachineState.DOWN)).isTrue();
        assertThat(MachineState.DOWN.outranks(MachineState.IDLE)).isTrue();
        assertThat(MachineState.IDLE.outranks(MachineState.RUNNING)).isTrue();
        assertThat(MachineState.RUNNING.outranks(MachineState.OFFLINE)).isFalse();
        assertThat(MachineState.DOWN.outranks(MachineState.DOWN)).isFalse();
    }

    @Test
    void offlineIsNeitherDowntimeNorPlannedProduction() {
        assertThat(MachineState.OFFLINE.isUnplannedStop()).isFalse();
        assertThat(MachineState.OFFLINE.isPlannedProduction()).isFalse();
        assertThat(MachineState.PLANNED_STOP.isPlannedProduction()).isFalse();
        assertThat(MachineState.DOWN.isUnplannedStop()).isTrue();
        assertThat(MachineState.IDLE.isUnplannedStop()).isTrue();
        assertThat(MachineState.RUNNING.isPlannedProduction()).isTrue();
    }
}
