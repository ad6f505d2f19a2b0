package io.millwright.driver.mqtt.internal.config;

import java.util.List;

/**
 * One device of a connection: {@code device.<id>.*} keys.
 *
 * @param id         the device id
 * @param format     how its messages are decoded
 * @param topic      JSON: the topic filter its messages arrive on; plain: null (each tag has its own)
 * @param timestamp  JSON: the pointer to the source time (epoch ms or ISO-8601), or null for receive time
 * @param node       Sparkplug B: {@code group/edge node} or {@code group/edge node/device}; otherwise null
 * @param qos        the subscription's QoS
 * @param historized Sparkplug B: whether the metrics' history is kept
 * @param byException whether values are published only on change, so that a connected broker vouches
 *                    for silent ones ({@code Device.REPORTS_BY_EXCEPTION}); else silence means stale
 * @param tags       JSON and plain: the tags in key order; Sparkplug B: empty (the births name the metrics)
 */
public record DeviceMapping(String id, PayloadFormat format, String topic, String timestamp, SparkplugAddress node,
                            int qos, boolean historized, boolean byException, List<TagMapping> tags) {

    public DeviceMapping {
        tags = List.copyOf(tags);
    }

    /** The topic filters this device needs subscribed. */
    public List<String> filters() {
        return switch (format) {
            case JSON -> List.of(topic);
            case PLAIN -> tags.stream().map(TagMapping::source).distinct().toList();
            case SPARKPLUGB -> List.of(node.filter());
        };
    }
}
