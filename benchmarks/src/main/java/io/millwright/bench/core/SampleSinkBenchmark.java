package io.millwright.bench.core;

import io.millwright.api.health.HealthFinding;
import io.millwright.api.machine.MachineState;
import io.millwright.api.sample.Sample;
import io.millwright.core.internal.model.ConfigRefusedException;
import io.millwright.core.internal.model.MachineDefinition;
import io.millwright.core.internal.model.MachineDefinitionParser;
import io.millwright.core.internal.model.SignalBinding;
import io.millwright.core.internal.runtime.MachineRuntime;
import io.millwright.core.internal.runtime.MachineSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Samples per second through the core's {@link MachineRuntime} (the {@code SampleSink}) on one
 * thread, into machine state and counts, against a baseline that does only what any sink must: find
 * each sample's device and tag in a two-level hash map. One operation is one sample.
 *
 * <p>50 presses, each on its own PLC with five tags (running, fault code, total and reject counters,
 * speed), polled once a second; a batch is four poll rounds (1,000 samples), as a driver hands them
 * over. Run by {@code benchmarks/run-jmh.sh}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SampleSinkBenchmark.BATCH_SIZE)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
// the distribution's heap (bin/setenv)
@Fork(value = 1, jvmArgsAppend = {"-Xms128m", "-Xmx512m"})
public class SampleSinkBenchmark {

    static final int MACHINES = 50;
    static final int POLLS_PER_BATCH = 4;
    static final int BATCH_SIZE = POLLS_PER_BATCH * MACHINES * 5;
    /** 64 batches = 256 one-second polls per lap: four minutes of source time, about 4 MB of samples. */
    static final int BATCHES = 64;
    static final long POLL_MILLIS = 1_000;

    /** The batches the presses' drivers deliver; both benchmarks read the same ones. */
    @State(Scope.Thread)
    public static class Feed {
        SampleRing ring;

        @Setup(Level.Trial)
        public void build() {
            ring = SampleRing.build(presses(), BATCHES, POLLS_PER_BATCH, POLL_MILLIS, System.currentTimeMillis());
            if (ring.batchSize() != BATCH_SIZE) {
                throw new IllegalStateException("batches hold " + ring.batchSize() + " samples, not " + BATCH_SIZE);
            }
        }

        /** Outside the measured time: once a lap (every 64 batches), moves the ring on by a lap. */
        @Setup(Level.Invocation)
        public void continueLap() {
            if (ring.lapDone()) {
                ring.startNextLap();
            }
        }

        @TearDown(Level.Trial)
        public void report() {
            System.out.println("\n[feed] " + (ring.lap() + 1) + " laps of " + ring.lapMillis() / 1000
                    + " s source time each");
        }
    }

    /**
     * The core's runtime with the 50 presses defined; no store, so derived events stay in memory.
     * (States take no other state as a parameter: JMH 1.37 gives each such parameter an instance
     * of its own, not the one the benchmark method gets.)
     */
    @State(Scope.Thread)
    public static class Core {
        MachineRuntime runtime;
        private List<SimulatedPress> presses;

        @Setup(Level.Trial)
        public void start() throws ConfigRefusedException {
            presses = presses();
            runtime = new MachineRuntime();
            runtime.activate(0);
            for (MachineDefinition definition : definitions(presses)) {
                String id = definition.id();
                if (!runtime.define("io.millwright.machine~" + id, "io.millwright.machine-" + id + ".cfg",
                        definition)) {
                    throw new IllegalStateException("machine " + id + " was refused: " + runtime.refused());
                }
            }
            if (runtime.mappedTags() != MACHINES * SimulatedPress.TAGS.length) {
                throw new IllegalStateException("the core maps " + runtime.mappedTags() + " tags, not "
                        + MACHINES * SimulatedPress.TAGS.length);
            }
        }

        /** Fails the run if the samples did not drive the machines the way the presses ran. */
        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            List<String> wrong = new ArrayList<>();
            for (SimulatedPress press : presses) {
                MachineSnapshot snapshot = runtime.snapshot(press.id).orElseThrow();
                if (snapshot.state() == MachineState.OFFLINE || snapshot.counterResets() != 0
                        || snapshot.counterRollovers() != 0) {
                    wrong.add(press.id + " " + snapshot.state() + ", counter resets " + snapshot.counterResets()
                            + ", rollovers " + snapshot.counterRollovers());
                }
            }
            StringBuilder report = new StringBuilder();
            for (HealthFinding finding : runtime.check()) {
                report.append("\n[core] health: ").append(finding.subject()).append(": ").append(finding.message());
            }
            System.out.println(report);
            runtime.deactivate();
            if (!wrong.isEmpty()) {
                throw new IllegalStateException("machines not as fed: " + wrong);
            }
        }
    }

    /** Device to tag to the signals it feeds, in plain hash maps: the core's index without the core. */
    @State(Scope.Thread)
    public static class Lookup {
        Map<String, Map<String, SignalBinding[]>> byDevice;

        @Setup(Level.Trial)
        public void build() throws ConfigRefusedException {
            byDevice = index(definitions(presses()));
        }
    }

    @Benchmark
    public void core(Feed feed, Core core) {
        core.runtime.accept(feed.ring.next());
    }

    /** The floor: what any sink must do for a sample, find where it goes. */
    @Benchmark
    public void baseline(Feed feed, Lookup lookup, Blackhole blackhole) {
        List<Sample> batch = feed.ring.next();
        Map<String, Map<String, SignalBinding[]>> byDevice = lookup.byDevice;
        for (int i = 0, n = batch.size(); i < n; i++) {
            Sample sample = batch.get(i);
            Map<String, SignalBinding[]> tags = byDevice.get(sample.deviceId());
            blackhole.consume(tags == null ? null : tags.get(sample.tag()));
        }
    }

    /** The benchmark's 50 presses, the same at every call. */
    static List<SimulatedPress> presses() {
        return presses(MACHINES, BATCHES * POLLS_PER_BATCH);
    }

    static List<SimulatedPress> presses(int count, int lapPolls) {
        List<SimulatedPress> presses = new ArrayList<>(count);
        for (int number = 1; number <= count; number++) {
            presses.add(new SimulatedPress(number, lapPolls));
        }
        return presses;
    }

    static List<MachineDefinition> definitions(List<SimulatedPress> presses) throws ConfigRefusedException {
        List<MachineDefinition> definitions = new ArrayList<>(presses.size());
        for (SimulatedPress press : presses) {
            definitions.add(MachineDefinitionParser.parse(press.configuration()));
        }
        return definitions;
    }

    /** Built the way the core builds its tag index: HashMap of device to HashMap of tag. */
    static Map<String, Map<String, SignalBinding[]>> index(List<MachineDefinition> definitions) {
        Map<String, Map<String, List<SignalBinding>>> building = new HashMap<>();
        for (MachineDefinition definition : definitions) {
            for (SignalBinding binding : definition.bindings().values()) {
                building.computeIfAbsent(binding.deviceId(), d -> new HashMap<>())
                        .computeIfAbsent(binding.tag(), t -> new ArrayList<>())
                        .add(binding);
            }
        }
        Map<String, Map<String, SignalBinding[]>> index = new HashMap<>();
        building.forEach((device, tags) -> {
            Map<String, SignalBinding[]> byTag = new HashMap<>();
            tags.forEach((tag, bindings) -> byTag.put(tag, bindings.toArray(new SignalBinding[0])));
            index.put(device, byTag);
        });
        return index;
    }
}
