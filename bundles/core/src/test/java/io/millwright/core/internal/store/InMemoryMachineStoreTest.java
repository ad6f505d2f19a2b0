package io.millwright.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.DowntimeEnded;
import io.millwright.api.machine.DowntimeSplit;
import io.millwright.api.machine.DowntimeStarted;
import io.millwright.api.machine.MachineEvent;
import io.millwright.api.machine.MachineState;
import io.millwright.api.machine.ReasonSet;
import io.millwright.api.machine.StateChanged;
import io.millwright.api.store.DowntimeRecord;
import io.millwright.api.store.MachineBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryMachineStoreTest {

    private static final Instant T = Instant.parse("2026-11-24T06:00:00Z");
    private final InMemoryMachineStore store = new InMemoryMachineStore(100);

    private void append(MachineEvent... events) {
        store.append(new MachineBatch(List.of(events), List.of()));
    }

    @Test
    void repeatedEventsAreStoredOnce() {
        CountRecorded count = new CountRecorded("m1", T, 10, 1, "", Duration.ofSeconds(1));
        append(count);
        append(count);
        assertThat(store.counts("m1", T, T.plusSeconds(60))).hasSize(1);
    }

    @Test
    void stateChangesIncludeTheOneBeforeTheWindow() {
        append(new StateChanged("m1", T, MachineState.OFFLINE, MachineState.RUNNING),
                new StateChanged("m1", T.plusSeconds(600), MachineState.RUNNING, MachineState.IDLE));
        assertThat(store.stateChanges("m1", T.plusSeconds(60), T.plusSeconds(3600)))
                .extracting(StateChanged::current).containsExactly(MachineState.RUNNING, MachineState.IDLE);
    }

    @Test
    void reasonSetKeepsWhoAndWhen() {
        append(new DowntimeStarted("m1", T, "d1", MachineState.DOWN, "MECH.JAM"));
        append(new ReasonSet("m1", T.plusSeconds(300), "d1", "MECH.JAM", "ELEC.MOTOR", "anna"));
        DowntimeRecord record = store.downtime("d1").orElseThrow();
        assertThat(record.reasonCode()).isEqualTo("ELEC.MOTOR");
        assertThat(record.reasonSetBy()).isEqualTo("anna");
        assertThat(record.reasonSetAt()).isEqualTo(T.plusSeconds(300));
    }

    @Test
    void splitOfAnOpenStopLetsItsEndCloseTheSecondPart() {
        append(new DowntimeStarted("m1", T, "d1", MachineState.DOWN, "MECH.JAM"));
        append(new DowntimeSplit("m1", T.plusSeconds(200), "d1", T.plusSeconds(120), "d1.x", "anna"));
        append(new ReasonSet("m1", T.plusSeconds(210), "d1.x", "MECH.JAM", "CHG.TOOL", "anna"));
        append(new DowntimeEnded("m1", T.plusSeconds(300), "d1", MachineState.DOWN, null, Duration.ofSeconds(300), false));

        List<DowntimeRecord> parts = store.downtimes("m1", T, T.plusSeconds(600));
        assertThat(parts).extracting(DowntimeRecord::id).containsExactly("d1", "d1.x");
        assertThat(parts.get(0).end()).isEqualTo(T.plusSeconds(120));
        assertThat(parts.get(0).reasonCode()).isEqualTo("MECH.JAM");
        assertThat(parts.get(1).start()).isEqualTo(T.plusSeconds(120));
        assertThat(parts.get(1).end()).isEqualTo(T.plusSeconds(300));
        assertThat(parts.get(1).reasonCode()).isEqualTo("CHG.TOOL");
    }

    @Test
    void capacityBoundsWhatIsKept() {
        InMemoryMachineStore small = new InMemoryMachineStore(3);
        for (int i = 0; i < 10; i++) {
            small.append(new MachineBatch(List.of(new CountRecorded("m1", T.plusSeconds(60L * i), 1, 0, "",
                    Duration.ofSeconds(1))), List.of()));
        }
        assertThat(small.counts("m1", T, T.plusSeconds(3600))).hasSize(3);
    }
}
