package io.millwright.driver.modbus.internal.poll;

import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a poll's batch to every sink, synchronously on the poll thread: a slow sink slows (and
 * overruns) the poll instead of growing a queue. A sink that throws is logged once per device and
 * sink, and the others still get the batch.
 */
final class SampleDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(SampleDelivery.class);

    private final String deviceId;
    private final Supplier<List<SampleSink>> sinks;
    private SampleSink lastFailed;

    SampleDelivery(String deviceId, Supplier<List<SampleSink>> sinks) {
        this.deviceId = deviceId;
        this.sinks = sinks;
    }

    void deliver(List<Sample> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (SampleSink sink : sinks.get()) {
            try {
                sink.accept(batch);
            } catch (RuntimeException e) {
                if (sink != lastFailed) {
                    lastFailed = sink;
                    LOG.warn("Modbus device {}: sample sink {} failed on a batch of {} samples", deviceId, sink, batch.size(), e);
                }
            }
        }
    }
}
