package io.millwright.driver.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topics a connection has seen lately, for writing mappings: per topic a message count, the
 * last payload (cut short) and when. Bounded: the least recently seen topic goes first.
 */
public final class TopicLog {

    /** One topic as {@code mqtt-topics} shows it. */
    public record Entry(String topic, long messages, Instant last, String lastPayload, boolean mapped) {
    }

    private static final class Counter {
        long messages;
        Instant last;
        byte[] payload;
        boolean mapped;
    }

    private final int maxTopics;
    private final int maxPayloadBytes;
    private final LinkedHashMap<String, Counter> topics;

    public TopicLog(int maxTopics, int maxPayloadBytes) {
        this.maxTopics = maxTopics;
        this.maxPayloadBytes = maxPayloadBytes;
        this.topics = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Counter> eldest) {
                return size() > TopicLog.this.maxTopics;
            }
        };
    }

    public synchronized void record(String topic, byte[] payload, boolean mapped) {
        Counter c = topics.computeIfAbsent(topic, t -> new Counter());
        c.messages++;
        c.last = Instant.now();
        c.mapped = mapped;
        c.payload = payload.length <= maxPayloadBytes ? payload.clone()
                : java.util.Arrays.copyOf(payload, maxPayloadBytes);
    }

    /** Most recently seen first. */
    public synchronized List<Entry> entries() {
        List<Entry> out = new ArrayList<>(topics.size());
        topics.forEach((t, c) -> out.add(0, new Entry(t, c.messages, c.last, printable(c.payload), c.mapped)));
        return out;
    }

    static String printable(byte[] payload) {
        StringBuilder sb = new StringBuilder(payload.length);
        String text = new String(payload, StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            sb.append(ch >= 0x20 && ch != 0x7F && ch != '\uFFFD' ? ch : '.');
        }
        return sb.toString();
    }
}
