package io.millwright.driver.mqtt.internal.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.driver.mqtt.internal.config.DeviceMapping;
import io.millwright.driver.mqtt.internal.config.TagMapping;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a JSON message into a device's samples: each tag's value and the message's timestamp are
 * picked by JSON Pointer. Strict: bad JSON, trailing content, duplicate keys or a value of the
 * wrong type refuse the whole message (so it is quarantined whole, not half-used).
 */
final class JsonTagReader {

    private final ObjectMapper mapper;
    private final DeviceMapping device;
    private final JsonPointer[] pointers;
    private final JsonPointer timestamp;

    /** The strict reader a connection shares between its JSON devices. */
    static ObjectMapper strictMapper() {
        return new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    JsonTagReader(ObjectMapper mapper, DeviceMapping device) {
        this.mapper = mapper;
        this.device = device;
        this.pointers = device.tags().stream().map(t -> JsonPointer.compile(t.source())).toArray(JsonPointer[]::new);
        this.timestamp = device.timestamp() == null ? null : JsonPointer.compile(device.timestamp());
    }

    /**
     * Adds the message's samples to {@code out}. A tag whose value has the wrong type becomes a BAD
     * sample with the reason while the others stay GOOD; the return value then says why, so that
     * the payload is also quarantined. A message that is not JSON at all is refused whole.
     *
     * @return why some tags were BAD, or null
     */
    String read(byte[] payload, long receiveTime, List<Sample> out) throws PayloadRefusedException {
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new PayloadRefusedException("not JSON: " + e.getOriginalMessage() + " at " + location(e));
        } catch (IOException e) {
            throw new PayloadRefusedException("not JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new PayloadRefusedException("not JSON: the payload is empty");
        }
        long sourceTime = sourceTime(root, receiveTime);
        List<Sample> samples = new ArrayList<>(pointers.length);
        String problem = null;
        for (int i = 0; i < pointers.length; i++) {
            JsonNode node = root.at(pointers[i]);
            if (node.isMissingNode()) {
                continue;
            }
            TagMapping tag = device.tags().get(i);
            try {
                samples.add(sample(tag, node, sourceTime, receiveTime));
            } catch (PayloadRefusedException e) {
                samples.add(Sample.bad(device.id(), tag.name(), e.getMessage(), sourceTime, receiveTime));
                problem = problem == null ? e.getMessage() : problem + "; " + e.getMessage();
            }
        }
        if (samples.isEmpty()) {
            throw new PayloadRefusedException("none of the tags' pointers is in the message ("
                    + device.tags().stream().map(TagMapping::source).toList() + ")");
        }
        out.addAll(samples);
        return problem;
    }

    private long sourceTime(JsonNode root, long receiveTime) throws PayloadRefusedException {
        if (timestamp == null) {
            return receiveTime;
        }
        JsonNode ts = root.at(timestamp);
        if (ts.isMissingNode() || ts.isNull()) {
            return receiveTime;
        }
        if (ts.isIntegralNumber() && ts.canConvertToLong()) {
            return ts.longValue();
        }
        if (ts.isTextual()) {
            try {
                return Instant.parse(ts.textValue()).toEpochMilli();
            } catch (DateTimeParseException e) {
                // refused below
            }
        }
        throw new PayloadRefusedException(device.timestamp() + ": " + shown(ts)
                + " is not a timestamp (epoch milliseconds or ISO-8601 like 2025-01-31T08:00:00Z)");
    }

    private Sample sample(TagMapping tag, JsonNode node, long sourceTime, long receiveTime) throws PayloadRefusedException {
        String id = device.id();
        if (node.isNull()) {
            return Sample.bad(id, tag.name(), tag.source() + " is null in the message", sourceTime, receiveTime);
        }
        switch (tag.type()) {
            case DOUBLE -> {
                if (node.isNumber()) {
                    return Sample.ofDouble(id, tag.name(), node.doubleValue(), Quality.GOOD, null, sourceTime, receiveTime);
                }
            }
            case LONG -> {
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    return Sample.ofLong(id, tag.name(), node.longValue(), Quality.GOOD, null, sourceTime, receiveTime);
                }
                if (node.isNumber() && node.doubleValue() == Math.rint(node.doubleValue())
                        && Math.abs(node.doubleValue()) < 9.0e15) {
                    return Sample.ofLong(id, tag.name(), (long) node.doubleValue(), Quality.GOOD, null, sourceTime, receiveTime);
                }
            }
            case BOOLEAN -> {
                if (node.isBoolean()) {
                    return Sample.ofBoolean(id, tag.name(), node.booleanValue(), Quality.GOOD, null, sourceTime, receiveTime);
                }
            }
            default -> {
                if (node.isValueNode()) {
                    return Sample.ofString(id, tag.name(), node.asText(), Quality.GOOD, null, sourceTime, receiveTime);
                }
            }
        }
        throw new PayloadRefusedException(tag.source() + ": " + shown(node) + " is not a " + tag.type().word()
                + " (tag " + tag.name() + ")");
    }

    private static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "?" : "line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
    }
}
