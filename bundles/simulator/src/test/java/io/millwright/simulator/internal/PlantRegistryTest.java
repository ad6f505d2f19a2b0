package io.millwright.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.simulation.MachineSnapshot;
import io.millwright.api.simulation.PlantListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlantRegistryTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final TestPlant plant = new TestPlant();

    @AfterEach
    void closePlant() {
        plant.close();
    }

    @Test
    void aListenerHearsOfEveryMachineThenOfEachChangeAndRemovalInOrder() throws Exception {
        plant.add("m1", 5);
        Recorder recorder = new Recorder();
        plant.plant().addListener(recorder);
        assertThat(recorder.calls).first().isEqualTo("added m1");

        plant.add("m2", 5);
        Poll.until("m2 added and changing", DEADLINE, () -> recorder.calls.contains("changed m2"));
        plant.remove("m1");

        assertThat(recorder.callsFor("m1")).first().isEqualTo("added m1");
        assertThat(recorder.callsFor("m1")).last().isEqualTo("removed m1");
        assertThat(recorder.callsFor("m1")).filteredOn(c -> c.startsWith("changed")).isNotEmpty();
        assertThat(recorder.callsFor("m2")).first().isEqualTo("added m2");
        assertThat(recorder.callsFor("m2")).doesNotContain("removed m2");
        int afterRemoval = recorder.callsFor("m1").size();
        Thread.sleep(50);
        assertThat(recorder.callsFor("m1")).hasSize(afterRemoval);
    }

    @Test
    void changesCarryTheMachinesSnapshotsAsTheyRise() throws Exception {
        SimulatedMachine machine = plant.add("m3", 1);
        Recorder recorder = new Recorder();
        plant.plant().addListener(recorder);

        Poll.until("counts rise", DEADLINE, () -> recorder.last != null && recorder.last.totalCount() > 20);
        machine.forceFault(52, null);
        assertThat(recorder.last.faultCode()).as("a command is passed on at once").isEqualTo(52);
    }

    @Test
    void afterRemoveListenerNothingArrivesAndTheMachinesAreNotReportedGone() throws Exception {
        plant.add("m4", 5);
        Recorder recorder = new Recorder();
        plant.plant().addListener(recorder);
        plant.plant().addListener(recorder);
        assertThat(recorder.calls).containsOnlyOnce("added m4");
        Poll.until("changes", DEADLINE, () -> recorder.calls.size() > 3);

        plant.plant().removeListener(recorder);
        int seen = recorder.calls.size();
        Thread.sleep(50);
        plant.remove("m4");

        assertThat(recorder.calls).hasSize(seen).doesNotContain("removed m4");
    }

    @Test
    void aListenerThatThrowsStopsNeitherTheMachineNorTheOtherListeners() throws Exception {
        SimulatedMachine machine = plant.add("m5", 1);
        plant.plant().addListener(new Recorder() {
            @Override
            public void machineChanged(String machineId, MachineSnapshot snapshot) {
                throw new IllegalStateException("a broken face");
            }
        });
        Recorder healthy = new Recorder();
        plant.plant().addListener(healthy);

        long before = machine.snapshot().totalCount();
        Poll.until("the machine keeps counting", DEADLINE, () -> machine.snapshot().totalCount() > before + 20);
        Poll.until("the healthy listener keeps hearing", DEADLINE,
                () -> healthy.last != null && healthy.last.totalCount() > before + 20);
    }

    /** Records each call as "added id", "changed id" or "removed id". */
    private static class Recorder implements PlantListener {

        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile MachineSnapshot last;

        @Override
        public void machineAdded(String machineId, MachineSnapshot now) {
            calls.add("added " + machineId);
            last = now;
        }

        @Override
        public void machineChanged(String machineId, MachineSnapshot snapshot) {
            calls.add("changed " + machineId);
            last = snapshot;
        }

        @Override
        public void machineRemoved(String machineId) {
            calls.add("removed " + machineId);
        }

        List<String> callsFor(String machineId) {
            return calls.stream().filter(c -> c.endsWith(" " + machineId)).toList();
        }
    }
}
