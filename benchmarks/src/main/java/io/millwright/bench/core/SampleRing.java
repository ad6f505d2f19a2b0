package io.millwright.bench.core;

import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Sample batches built once and fed round and round, as the presses' drivers would deliver them:
 * every batch holds a few poll rounds of every tag of every press. After the last batch the ring
 * starts its next lap, which continues the previous one: source and receive times move on by the
 * lap's length and counters by what the lap counted, so that minute buckets keep rolling and the
 * core never sees a clock step back or a counter reset.
 *
 * <p>The next lap is made by moving the existing samples' times and counter values in place
 * (reflection on {@link Sample}'s final fields), not by building new samples: drivers allocate
 * samples, the sink does not, and the allocation profiler counts every thread's allocations.
 */
final class SampleRing {

    private static final Field SOURCE_TIME = sampleField("sourceTime");
    private static final Field RECEIVE_TIME = sampleField("receiveTime");
    private static final Field VALUE_BITS = sampleField("bits");

    /** Milliseconds from a poll to its arrival at the driver. */
    private static final long TRANSPORT_MILLIS = 3;

    private final List<List<Sample>> batches;
    /** Per batch and sample: what the sample's value grows by per lap (counters), else 0. */
    private final long[][] valueStepPerLap;
    private final long lapMillis;
    private int cursor;
    private long lap;

    private SampleRing(List<List<Sample>> batches, long[][] valueStepPerLap, long lapMillis) {
        this.batches = batches;
        this.valueStepPerLap = valueStepPerLap;
        this.lapMillis = lapMillis;
    }

    /**
     * Builds {@code batchCount} batches of {@code pollsPerBatch} poll rounds each; a poll round reads
     * every tag of every press, and rounds are {@code pollMillis} apart from {@code startMillis} on.
     */
    static SampleRing build(List<SimulatedPress> presses, int batchCount, int pollsPerBatch, long pollMillis,
                            long startMillis) {
        int batchSize = pollsPerBatch * presses.size() * SimulatedPress.TAGS.length;
        List<List<Sample>> batches = new ArrayList<>(batchCount);
        long[][] steps = new long[batchCount][batchSize];
        for (int b = 0; b < batchCount; b++) {
            List<Sample> batch = new ArrayList<>(batchSize);
            for (int round = 0; round < pollsPerBatch; round++) {
                int poll = b * pollsPerBatch + round;
                for (SimulatedPress press : presses) {
                    long source = startMillis + poll * pollMillis + press.pollOffsetMillis();
                    long receive = source + TRANSPORT_MILLIS;
                    String device = press.device;
                    steps[b][batch.size() + 2] = press.totalPerLap();
                    steps[b][batch.size() + 3] = press.rejectsPerLap();
                    batch.add(Sample.ofBoolean(device, "running", press.running(poll), Quality.GOOD, null, source,
                            receive));
                    batch.add(Sample.ofLong(device, "fault", press.faultCode(poll), Quality.GOOD, null, source,
                            receive));
                    batch.add(Sample.ofLong(device, "total", press.total(poll), Quality.GOOD, null, source,
                            receive));
                    batch.add(Sample.ofLong(device, "rejects", press.rejects(poll), Quality.GOOD, null, source,
                            receive));
                    batch.add(Sample.ofLong(device, "speed", press.speedRegister(poll), Quality.GOOD, null, source,
                            receive));
                }
            }
            batches.add(batch);
        }
        return new SampleRing(batches, steps, (long) batchCount * pollsPerBatch * pollMillis);
    }

    /** The next batch of the current lap; call {@link #startNextLap()} first when the lap is done. */
    List<Sample> next() {
        return batches.get(cursor++);
    }

    boolean lapDone() {
        return cursor == batches.size();
    }

    /** Moves every sample on by one lap and starts feeding from the first batch again. */
    void startNextLap() {
        try {
            for (int b = 0; b < batches.size(); b++) {
                List<Sample> batch = batches.get(b);
                long[] steps = valueStepPerLap[b];
                for (int i = 0, n = batch.size(); i < n; i++) {
                    Sample sample = batch.get(i);
                    SOURCE_TIME.setLong(sample, SOURCE_TIME.getLong(sample) + lapMillis);
                    RECEIVE_TIME.setLong(sample, RECEIVE_TIME.getLong(sample) + lapMillis);
                    if (steps[i] != 0L) {
                        VALUE_BITS.setLong(sample, VALUE_BITS.getLong(sample) + steps[i]);
                    }
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot move samples to the next lap", e);
        }
        cursor = 0;
        lap++;
    }

    List<List<Sample>> batches() {
        return batches;
    }

    int batchSize() {
        return batches.get(0).size();
    }

    long lapMillis() {
        return lapMillis;
    }

    /** Laps started after the first. */
    long lap() {
        return lap;
    }

    private static Field sampleField(String name) {
        try {
            Field field = Sample.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Sample has no field '" + name + "' any more: adapt SampleRing", e);
        }
    }
}
