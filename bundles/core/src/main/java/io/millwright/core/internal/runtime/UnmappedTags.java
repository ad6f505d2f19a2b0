package io.millwright.core.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts samples for tags no machine uses, per device and tag, instead of logging each one. At
 * most {@value #LIMIT} distinct tags are named; the rest are counted together.
 */
final class UnmappedTags {

    static final int LIMIT = 10_000;
    static final String OTHERS = "(other tags)";

    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();
    private final AtomicInteger named = new AtomicInteger();

    void count(String deviceId, String tag) {
        Map<String, LongAdder> tags = counts.get(deviceId);
        LongAdder adder = tags == null ? null : tags.get(tag);
        if (adder == null) {
            adder = slowPath(deviceId, tag);
        }
        adder.increment();
    }

    private LongAdder slowPath(String deviceId, String tag) {
        Map<String, LongAdder> tags = counts.computeIfAbsent(deviceId, d -> new ConcurrentHashMap<>());
        LongAdder existing = tags.get(tag);
        if (existing != null) {
            return existing;
        }
        String key = named.get() < LIMIT ? tag : OTHERS;
        return tags.computeIfAbsent(key, k -> {
            named.incrementAndGet();
            return new LongAdder();
        });
    }

    List<UnmappedTagsView> rows() {
        List<UnmappedTagsView> rows = new ArrayList<>();
        counts.forEach((device, tags) -> tags.forEach(
                (tag, adder) -> rows.add(new UnmappedTagsView(device, tag, adder.sum()))));
        rows.sort((a, b) -> Long.compare(b.samples(), a.samples()));
        return rows;
    }
}
