package io.millwright.simulator.internal;

import static io.millwright.simulator.internal.ConfigFixture.config;
import static io.millwright.simulator.internal.ConfigFixture.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import io.millwright.api.simulation.ControllerStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedMachineComponentTest {

    private final PlantRegistry plant = new PlantRegistry();
    private final List<SimulatedMachineComponent> components = new java.util.ArrayList<>();

    @AfterEach
    void deactivateAll() {
        components.forEach(SimulatedMachineComponent::deactivate);
    }

    @Test
    void aMachineTicksOnItsOwnThreadAndServesItsCountersUntilDeactivated() throws Exception {
        int port = Poll.freePort();
        SimulatedMachineComponent component = activate("sim-fast", fast("fast1", port));

        assertThat(threadAlive("millwright-sim-fast1")).isTrue();
        ModbusTCPMaster master = master(port);
        long first = total(master);
        Poll.until("counts rise over Modbus", Duration.ofSeconds(10), () -> total(master) > first + 100);
        assertThat(plant.machineIds()).containsExactly("fast1");

        component.deactivate();
        components.remove(component);
        master.disconnect();

        Poll.until("ticker thread gone", Duration.ofSeconds(5), () -> !threadAlive("millwright-sim-fast1"));
        assertThat(plant.machines()).isEmpty();
        assertThatThrownBy(() -> master(port)).as("port closed").isInstanceOf(Exception.class);
    }

    @Test
    void anEditReplacesTheMachineOnTheSamePortAndKeepsItsCounts() throws Exception {
        int port = Poll.freePort();
        Map<String, String> values = fast("fast2", port);
        SimulatedMachineComponent component = activate("sim-edit", values);
        Poll.until("some parts", Duration.ofSeconds(10), () -> component.machine().snapshot().totalCount() > 200);
        SimulatedMachine before = component.machine();
        long countBefore = before.snapshot().totalCount();

        values.put("cycleTimeMs", "2");
        component.modified(config(values), properties("sim-edit", values));

        assertThat(component.machine()).isNotSameAs(before);
        assertThat(component.machine().settings().profile().cycleTimeMs()).isEqualTo(2);
        assertThat(component.machine().snapshot().totalCount()).isGreaterThanOrEqualTo(countBefore);
        ModbusTCPMaster master = master(port);
        assertThat(total(master)).isGreaterThanOrEqualTo(countBefore);
        assertThat(threadCount("millwright-sim-fast2")).isEqualTo(1);
        master.disconnect();
    }

    @Test
    void commandsActAtOnceAndShowOverModbus() throws Exception {
        int port = Poll.freePort();
        SimulatedMachine machine = activate("sim-cmd", fast("fast3", port)).machine();
        ModbusTCPMaster master = master(port);

        machine.forceFault(321, null);
        Register[] faulted = master.readMultipleRegisters(1, 0, 2);
        assertThat(faulted[0].getValue()).isEqualTo(ControllerStatus.DOWN.code());
        assertThat(faulted[1].getValue()).isEqualTo(321);
        long frozen = total(master);
        Thread.sleep(50);
        assertThat(total(master)).isEqualTo(frozen);

        assertThat(machine.clearFault()).isTrue();
        assertThat(master.readMultipleRegisters(1, 0, 2)[1].getValue()).isZero();
        machine.pause();
        assertThat(master.readMultipleRegisters(1, 7, 1)[0].getValue()).as("stop cause paused").isEqualTo(3);
        machine.resume();
        Poll.until("running again", Duration.ofSeconds(5), () -> total(master) > frozen + 10);

        machine.setModbusUp(false);
        assertThat(plant.check()).extracting(HealthFinding::severity).containsExactly(Severity.INFO);
        machine.setModbusUp(true);
        assertThat(plant.check()).isEmpty();
        master.disconnect();
        assertThat(total(master(port))).isGreaterThan(frozen);
    }

    @Test
    void aBadFileIsRefusedByKeyWhileTheOthersRun() throws Exception {
        int port = Poll.freePort();
        activate("sim-good", fast("good", port));
        Map<String, String> bad = fast("bad", Poll.freePort());
        bad.put("rejectRate", "lots");

        SimulatedMachineComponent refused = activate("sim-bad", bad);

        assertThat(refused.machine()).isNull();
        assertThat(threadAlive("millwright-sim-bad")).isFalse();
        assertThat(plant.refused()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("sim-bad.cfg");
            assertThat(r.key()).isEqualTo("rejectRate");
            assertThat(r.problem()).isEqualTo("rejectRate = 'lots': is not a number");
        });
        assertThat(plant.check()).singleElement().extracting(HealthFinding::severity, HealthFinding::subject)
                .containsExactly(Severity.ERROR, "sim-bad.cfg");
        assertThat(plant.machineIds()).containsExactly("good");

        bad.put("rejectRate", "0.1");
        refused.modified(config(bad), properties("sim-bad", bad));
        assertThat(plant.refused()).isEmpty();
        assertThat(plant.machineIds()).containsExactly("bad", "good");
    }

    @Test
    void aSecondFileWithTheSameIdIsRefused() throws Exception {
        activate("sim-a", fast("same", Poll.freePort()));

        SimulatedMachineComponent second = activate("sim-b", fast("same", Poll.freePort()));

        assertThat(second.machine()).isNull();
        assertThat(plant.refused()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("id");
            assertThat(r.problem()).contains("already simulated by sim-a");
        });
        assertThat(threadCount("millwright-sim-same")).isEqualTo(1);
    }

    private SimulatedMachineComponent activate(String pid, Map<String, String> values) {
        SimulatedMachineComponent component = new SimulatedMachineComponent();
        component.plant = plant;
        component.activate(config(values), properties(pid, values));
        components.add(component);
        return component;
    }

    /** A machine counting every millisecond with no random stops, ticking every 5 ms. */
    private static Map<String, String> fast(String id, int port) {
        Map<String, String> values = new HashMap<>();
        values.put("id", id);
        values.put("cycleTimeMs", "1");
        values.put("rejectRate", "0.01");
        values.put("faultsPerHour", "0");
        values.put("minorStopsPerHour", "0");
        values.put("starvationsPerHour", "0");
        values.put("tickMs", "5");
        values.put("modbus.port", String.valueOf(port));
        return values;
    }

    private static ModbusTCPMaster master(int port) throws Exception {
        ModbusTCPMaster master = new ModbusTCPMaster("127.0.0.1", port, 2000, false);
        master.setRetries(0);
        master.connect();
        return master;
    }

    private static long total(ModbusTCPMaster master) {
        try {
            Register[] words = master.readMultipleRegisters(1, 2, 2);
            return (long) words[0].getValue() << 16 | words[1].getValue();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean threadAlive(String name) {
        return threadCount(name) > 0;
    }

    private static long threadCount(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals(name)).count();
    }
}
