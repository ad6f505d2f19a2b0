package io.millwright.driver.modbus.internal;

import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps the latest sample per tag and counts batches, copying (the driver reuses its list). */
public final class RecordingSink implements SampleSink {

    public final Map<String, Sample> latest = new ConcurrentHashMap<>();
    public final AtomicInteger batches = new AtomicInteger();
    public volatile int lastBatchSize;
    public volatile long delayMs;

    @Override
    public void accept(List<Sample> samples) {
        for (Sample s : samples) {
            latest.put(s.tag(), s);
        }
        lastBatchSize = samples.size();
        batches.incrementAndGet();
        if (delayMs > 0) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public Sample get(String tag) {
        return latest.get(tag);
    }

    public void clear() {
        latest.clear();
    }
}
