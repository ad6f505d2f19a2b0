package io.millwright.driver.mqtt.internal;

import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every sample and the latest per device/tag, copying (the driver reuses its list). */
public final class RecordingSink implements SampleSink {

    public final List<Sample> all = new CopyOnWriteArrayList<>();
    public final Map<String, Sample> latest = new ConcurrentHashMap<>();

    @Override
    public void accept(List<Sample> samples) {
        all.addAll(new ArrayList<>(samples));
        for (Sample s : samples) {
            latest.put(s.deviceId() + "/" + s.tag(), s);
        }
    }

    public Sample get(String device, String tag) {
        return latest.get(device + "/" + tag);
    }

    public long count(String device, String tag) {
        return all.stream().filter(s -> s.deviceId().equals(device) && s.tag().equals(tag)).count();
    }
}
