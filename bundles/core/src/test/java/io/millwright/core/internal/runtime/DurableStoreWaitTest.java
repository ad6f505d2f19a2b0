package io.millwright.core.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.machine.MachineState;
import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.api.store.MachineBatch;
import io.millwright.api.store.MachineCheckpoint;
import io.millwright.core.internal.model.MachineDefinitionParser;
import io.millwright.core.internal.store.InMemoryMachineStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * At boot the core is up before the durable store: machines defined then wait for it, so that they
 * resume from its checkpoint (counter baselines, open downtime) rather than afresh from the
 * in-memory store, which would lose the counts made while the platform was down.
 */
class DurableStoreWaitTest {

    private final MachineRuntime runtime = new MachineRuntime();

    @AfterEach
    void stop() throws InterruptedException {
        runtime.deactivate();
    }

    @Test
    void machinesDefinedAtBootResumeFromTheDurableStoreNotTheInMemoryOne() throws Exception {
        runtime.activate(60_000);
        runtime.bindStore(new InMemoryMachineStore(1000), Map.of("millwright.store", "memory"));
        runtime.define("pid1", "press01.cfg", MachineDefinitionParser.parse(Map.of(
                "id", "press01", "running", "plc/run", "totalCount", "plc/total", "counterBits", "32", "idealCycleTime", "1")));
        long t = System.currentTimeMillis();
        runtime.accept(List.of(Sample.ofBoolean("plc", "run", true, Quality.GOOD, null, t, t),
                Sample.ofLong("plc", "total", 1500, Quality.GOOD, null, t, t)));
        assertThat(runtime.check()).anySatisfy(f -> assertThat(f.message()).contains("waiting for the durable store"));
        assertThat(runtime.snapshot("press01").orElseThrow().lastSamples()).isEmpty();

        // the durable store knows press01 was DOWN since 10:00 with a committed baseline of 1000
        InMemoryMachineStore durable = new InMemoryMachineStore(1000);
        Instant since = Instant.parse("2026-11-24T10:00:00Z");
        durable.append(new MachineBatch(List.of(), List.of(new MachineCheckpoint("press01", since, MachineState.DOWN,
                since, null, Map.of("total", 1000L), "", Duration.ofSeconds(1)))));
        runtime.bindStore(durable, Map.of("millwright.store", "derby"));

        assertThat(runtime.check()).noneSatisfy(f -> assertThat(f.message()).contains("waiting for the durable"));
        // resumed from the checkpoint, then the samples held meanwhile are judged: a driver that
        // reports by exception sends "running" once and never again while it stays true
        MachineSnapshot resumed = runtime.snapshot("press01").orElseThrow();
        assertThat(resumed.lastSamples()).isNotEmpty();
        assertThat(resumed.state()).isEqualTo(MachineState.RUNNING);
        assertThat(resumed.counterResets()).isZero();
    }

    @Test
    void whenNoDurableStoreComesMachinesStartFromTheInMemoryOneAfterTheGrace() throws Exception {
        runtime.activate(300);
        runtime.bindStore(new InMemoryMachineStore(1000), Map.of("millwright.store", "memory"));
        runtime.define("pid1", "press01.cfg", MachineDefinitionParser.parse(Map.of(
                "id", "press01", "running", "plc/run", "totalCount", "plc/total", "idealCycleTime", "1")));
        long t = System.currentTimeMillis();
        runtime.accept(List.of(Sample.ofBoolean("plc", "run", true, Quality.GOOD, null, t, t)));
        assertThat(runtime.check()).anySatisfy(f -> assertThat(f.message()).contains("waiting for the durable store"));

        long deadline = System.currentTimeMillis() + 5_000;
        while (!runtime.check().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(runtime.check()).isEmpty();
        assertThat(runtime.snapshot("press01").orElseThrow().state()).isEqualTo(MachineState.RUNNING);
    }

    @Test
    void withoutADurableStoreMachinesStartAtOnceWhenThereIsNoGrace() throws Exception {
        runtime.activate(0);
        runtime.bindStore(new InMemoryMachineStore(1000), Map.of("millwright.store", "memory"));
        runtime.define("pid1", "press01.cfg", MachineDefinitionParser.parse(Map.of(
                "id", "press01", "running", "plc/run", "totalCount", "plc/total", "idealCycleTime", "1")));
        long t = System.currentTimeMillis();
        runtime.accept(List.of(Sample.ofBoolean("plc", "run", true, Quality.GOOD, null, t, t)));
        assertThat(runtime.snapshot("press01").orElseThrow().lastSamples()).isNotEmpty();
        assertThat(runtime.check()).isEmpty();
    }
}
