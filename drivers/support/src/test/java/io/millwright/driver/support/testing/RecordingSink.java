package io.millwright.driver.support.testing;

import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps every sample and the latest per tag and counts batches, copying (drivers reuse their list). */
public final class RecordingSink implements SampleSink {

    public final Map<String, Sample> latest = new ConcurrentHashMap<>();
    private final List<Sample> all = Collections.synchronizedList(new ArrayList<>());
    public final AtomicInteger batches = new AtomicInteger();
    public volatile int lastBatchSize;
    /** How long each batch is held, to play a slow sink. */
    public volatile long delayMs;

    @Override
    public void accept(List<Sample> samples) {
        all.addAll(samples);
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

    /** Every sample of one tag, in arrival order. */
    public List<Sample> of(String tag) {
        List<Sample> list = new ArrayList<>();
        synchronized (all) {
            for (Sample s : all) {
                if (s.tag().equals(tag)) {
                    list.add(s);
                }
            }
        }
        return list;
    }

    public void clear() {
        latest.clear();
        all.clear();
    }
}
