package io.millwright.driver.mqtt.internal;

import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each message's batch to every sink, synchronously on Paho's callback thread: a slow sink
 * slows the acknowledgements (QoS 1 back-pressure on the broker) instead of growing a queue. A
 * sink that throws is logged once per connection and sink; the others still get the batch.
 */
final class SampleDelivery implements Consumer<List<Sample>> {

    private static final Logger LOG = LoggerFactory.getLogger(SampleDelivery.class);

    private final String connectionId;
    private final Supplier<List<SampleSink>> sinks;
    private volatile SampleSink lastFailed;

    SampleDelivery(String connectionId, Supplier<List<SampleSink>> sinks) {
        this.connectionId = connectionId;
        this.sinks = sinks;
    }

    @Override
    public void accept(List<Sample> batch) {
        for (SampleSink sink : sinks.get()) {
            try {
                sink.accept(batch);
            } catch (RuntimeException e) {
                if (sink != lastFailed) {
                    lastFailed = sink;
                    LOG.warn("MQTT connection {}: sample sink {} failed on a batch of {} samples", connectionId, sink,
                            batch.size(), e);
                }
            }
        }
    }
}
