package io.millwright.driver.opcua.internal;

import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every sample and the latest per tag, copying (the driver reuses its list). */
public final class RecordingSink implements SampleSink {

    public final Map<String, Sample> latest = new ConcurrentHashMap<>();
    public final List<Sample> all = new CopyOnWriteArrayList<>();

    @Override
    public void accept(List<Sample> samples) {
        all.addAll(new ArrayList<>(samples));
        for (Sample s : samples) {
            latest.put(s.tag(), s);
        }
    }

    public Sample get(String tag) {
        return latest.get(tag);
    }

    public List<Sample> of(String tag) {
        List<Sample> list = new ArrayList<>();
        for (Sample s : all) {
            if (s.tag().equals(tag)) {
                list.add(s);
            }
        }
        return list;
    }
}
