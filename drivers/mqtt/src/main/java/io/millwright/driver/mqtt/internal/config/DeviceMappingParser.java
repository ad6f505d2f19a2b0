package io.millwright.driver.mqtt.internal.config;

import com.fasterxml.jackson.core.JsonPointer;
import io.millwright.driver.support.config.ConfigRefusedException;
import io.millwright.driver.support.config.DeviceProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses one device's {@code device.<id>.*} settings; every refusal names the full key. */
final class DeviceMappingParser {

    private DeviceMappingParser() {
    }

    static DeviceMapping parse(String id, Map<String, String> settings) throws ConfigRefusedException {
        String prefix = "device." + id + ".";
        String formatText = settings.get("format");
        if (formatText == null || formatText.isBlank()) {
            throw new ConfigRefusedException(prefix + "format", "is required: json, plain or sparkplugb");
        }
        PayloadFormat format = PayloadFormat.parse(formatText);
        if (format == null) {
            throw new ConfigRefusedException(prefix + "format", "'" + formatText + "' must be json, plain or sparkplugb");
        }
        DeviceProperties properties = new DeviceProperties(prefix(settings, prefix));
        int qos = properties.intValue(prefix + "qos", 1, 0, 2);
        boolean historize = ConnectionConfigParser.booleanValue(properties, prefix + "historize", false);
        boolean byException = byException(prefix + "reporting", settings.get("reporting"), format);
        List<TagMapping> tags = new ArrayList<>();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (e.getKey().startsWith("tag.")) {
                tags.add(tag(prefix + e.getKey(), e.getKey().substring(4), e.getValue(), format, historize));
            }
        }
        String topic = settings.get("topic");
        String timestamp = settings.get("timestamp");
        String node = settings.get("node");
        switch (format) {
            case JSON -> {
                if (topic == null || topic.isBlank()) {
                    throw new ConfigRefusedException(prefix + "topic", "is required for format json");
                }
                TopicFilters.check(prefix + "topic", topic);
                if (timestamp != null) {
                    pointer(prefix + "timestamp", timestamp);
                }
                refuseIf(node, prefix + "node", "is only for format sparkplugb");
                requireTags(tags, prefix);
                return new DeviceMapping(id, format, topic, timestamp, null, qos, historize, byException, tags);
            }
            case PLAIN -> {
                refuseIf(topic, prefix + "topic", "is not used by format plain: each tag.<name> names its topic");
                refuseIf(timestamp, prefix + "timestamp", "is only for format json");
                refuseIf(node, prefix + "node", "is only for format sparkplugb");
                requireTags(tags, prefix);
                return new DeviceMapping(id, format, null, null, null, qos, historize, byException, tags);
            }
            default -> {
                refuseIf(topic, prefix + "topic", "is not used by format sparkplugb: set node = <group>/<edge node>[/<device>]");
                refuseIf(timestamp, prefix + "timestamp", "is only for format json");
                if (!tags.isEmpty()) {
                    throw new ConfigRefusedException(prefix + "tag." + tags.get(0).name(),
                            "format sparkplugb takes its tags from the births' metrics");
                }
                if (node == null || node.isBlank()) {
                    throw new ConfigRefusedException(prefix + "node", "is required for format sparkplugb");
                }
                return new DeviceMapping(id, format, null, null, address(prefix + "node", node), qos, historize, byException,
                        tags);
            }
        }
    }

    /**
     * {@code periodic} (JSON and plain by default: a publisher that falls silent leaves its data stale)
     * or {@code by-exception} (only changes are published; Sparkplug B always, its deaths say when data stops).
     */
    private static boolean byException(String key, String value, PayloadFormat format) throws ConfigRefusedException {
        if (value == null || value.isBlank()) {
            return format == PayloadFormat.SPARKPLUGB;
        }
        switch (value.trim()) {
            case "by-exception" -> {
                return true;
            }
            case "periodic" -> {
                if (format == PayloadFormat.SPARKPLUGB) {
                    throw new ConfigRefusedException(key, "Sparkplug B reports by exception; its births and deaths say whether"
                            + " values are current");
                }
                return false;
            }
            default -> throw new ConfigRefusedException(key, "'" + value.trim() + "' must be periodic or by-exception");
        }
    }

    private static Map<String, String> prefix(Map<String, String> settings, String prefix) {
        Map<String, String> out = new java.util.HashMap<>();
        settings.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }

    private static void refuseIf(String value, String key, String problem) throws ConfigRefusedException {
        if (value != null && !value.isBlank()) {
            throw new ConfigRefusedException(key, problem);
        }
    }

    private static void requireTags(List<TagMapping> tags, String prefix) throws ConfigRefusedException {
        if (tags.isEmpty()) {
            throw new ConfigRefusedException(prefix + "tag.*", "no tags: add " + prefix + "tag.<name> = <source> [type]");
        }
    }

    private static SparkplugAddress address(String key, String text) throws ConfigRefusedException {
        String[] parts = text.split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new ConfigRefusedException(key, "'" + text + "' must be <group>/<edge node> or <group>/<edge node>/<device>");
        }
        for (String p : parts) {
            if (p.isBlank() || p.contains("+") || p.contains("#")) {
                throw new ConfigRefusedException(key, "'" + text + "': each level must be a plain, non-empty name");
            }
        }
        return new SparkplugAddress(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /** {@code <source> [type] [historize=true|false] [deadband=N]} */
    private static TagMapping tag(String key, String name, String value, PayloadFormat format, boolean historizeDefault)
            throws ConfigRefusedException {
        if (name.isBlank()) {
            throw new ConfigRefusedException(key, "the tag has no name");
        }
        String[] words = value.trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            throw new ConfigRefusedException(key, "expected <" + (format == PayloadFormat.JSON ? "JSON pointer" : "topic filter")
                    + "> [double|long|boolean|string] [historize=..] [deadband=..]");
        }
        String source = words[0];
        if (format == PayloadFormat.JSON) {
            pointer(key, source);
        } else {
            TopicFilters.check(key, source);
        }
        TagType type = TagType.DOUBLE;
        boolean historized = historizeDefault;
        double deadband = 0;
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (w.startsWith("historize=")) {
                historized = ConnectionConfigParser.booleanValue(new DeviceProperties(Map.of(key, w.substring(10))), key, false);
            } else if (w.startsWith("deadband=")) {
                try {
                    deadband = Double.parseDouble(w.substring(9));
                } catch (NumberFormatException e) {
                    deadband = -1;
                }
                if (!(deadband >= 0)) {
                    throw new ConfigRefusedException(key, "'" + w + "': deadband must be a number, 0 or more");
                }
            } else if (i == 1 && TagType.parse(w) != null) {
                type = TagType.parse(w);
            } else {
                throw new ConfigRefusedException(key, "'" + w + "' is not a type (double, long, boolean, string), historize= or deadband=");
            }
        }
        return new TagMapping(name, source, type, historized, deadband);
    }

    private static void pointer(String key, String text) throws ConfigRefusedException {
        if (!text.isEmpty() && !text.startsWith("/")) {
            throw new ConfigRefusedException(key, "'" + text + "' is not a JSON Pointer: it must start with '/'");
        }
        try {
            JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigRefusedException(key, "'" + text + "' is not a JSON Pointer: " + e.getMessage());
        }
    }
}
