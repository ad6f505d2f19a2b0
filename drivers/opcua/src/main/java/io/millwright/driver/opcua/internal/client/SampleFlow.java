package io.millwright.driver.opcua.internal.client;

import io.millwright.api.device.TagStatus;
import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import io.millwright.driver.opcua.internal.config.TagDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a device's values become samples and go to every sink: converts, drops an exact repeat
 * (a GOOD sample with the same source time and value as the tag's last one, as a rebuilt
 * subscription re-sends), keeps each tag's last sample and counts the tags whose last sample is
 * BAD. Notifications of several subscriptions and polls arrive on Milo's threads; one lock keeps
 * a tag's samples in order and hands each batch to the sinks whole.
 */
final class SampleFlow {

    private static final Logger LOG = LoggerFactory.getLogger(SampleFlow.class);

    private final String deviceId;
    private final List<TagDefinition> tags;
    private final Supplier<List<SampleSink>> sinks;
    private final DeviceCounters counters;
    private final Runnable badTagsChanged;
    private final Map<String, Sample> last = new HashMap<>();
    private final List<Sample> batch = new ArrayList<>();
    private int badTags;
    private SampleSink lastFailed;

    SampleFlow(String deviceId, List<TagDefinition> tags, Supplier<List<SampleSink>> sinks, DeviceCounters counters,
               Runnable badTagsChanged) {
        this.deviceId = deviceId;
        this.tags = tags;
        this.sinks = sinks;
        this.counters = counters;
        this.badTagsChanged = badTagsChanged;
    }

    /** Values of nodes, index by index (a subscription's notification or a poll's response). */
    void values(List<MonitoredNode> nodes, List<DataValue> values) {
        boolean changed;
        synchronized (this) {
            long now = System.currentTimeMillis();
            int before = badTags;
            for (int i = 0; i < nodes.size(); i++) {
                MonitoredNode node = nodes.get(i);
                DataValue dv = values.get(i);
                for (TagDefinition t : node.tags()) {
                    offer(ValueConverter.convert(deviceId, t.name(), t.type(), dv, now));
                }
            }
            changed = deliver(before);
        }
        if (changed) {
            badTagsChanged.run();
        }
    }

    /** A BAD sample with this reason for every tag of these nodes. */
    void bad(Collection<MonitoredNode> nodes, String reason) {
        boolean changed;
        synchronized (this) {
            long now = System.currentTimeMillis();
            int before = badTags;
            for (MonitoredNode node : nodes) {
                for (TagDefinition t : node.tags()) {
                    offer(Sample.bad(deviceId, t.name(), reason, now, now));
                }
            }
            changed = deliver(before);
        }
        if (changed) {
            badTagsChanged.run();
        }
    }

    synchronized int badTags() {
        return badTags;
    }

    synchronized List<TagStatus> tagStatus() {
        List<TagStatus> list = new ArrayList<>(tags.size());
        for (TagDefinition t : tags) {
            list.add(new TagStatus(t.name(), t.addressText(), t.historize(), t.deadband(), last.get(t.name())));
        }
        return list;
    }

    synchronized Sample last(String tag) {
        return last.get(tag);
    }

    private void offer(Sample s) {
        Sample previous = last.get(s.tag());
        if (s.isGood() && previous != null && previous.isGood() && previous.sourceTime() == s.sourceTime()
                && previous.type() == s.type() && previous.asString().equals(s.asString())) {
            return;
        }
        boolean wasBad = previous != null && previous.quality() == Quality.BAD;
        boolean isBad = s.quality() == Quality.BAD;
        if (previous == null ? isBad : wasBad != isBad) {
            badTags += isBad ? 1 : -1;
        }
        last.put(s.tag(), s);
        if (s.isGood()) {
            counters.lastDataTime = s.receiveTime();
        }
        batch.add(s);
    }

    private boolean deliver(int badBefore) {
        if (!batch.isEmpty()) {
            counters.samples.addAndGet(batch.size());
            for (SampleSink sink : sinks.get()) {
                try {
                    sink.accept(batch);
                } catch (RuntimeException e) {
                    if (sink != lastFailed) {
                        lastFailed = sink;
                        LOG.warn("OPC UA device {}: sample sink {} failed on a batch of {} samples", deviceId, sink,
                                batch.size(), e);
                    }
                }
            }
            batch.clear();
        }
        return (badBefore == 0) != (badTags == 0);
    }
}
