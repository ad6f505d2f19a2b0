package io.millwright.driver.mqtt.internal.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.millwright.api.sample.Sample;
import io.millwright.driver.mqtt.internal.config.DeviceMapping;
import io.millwright.driver.mqtt.internal.config.SparkplugAddress;
import io.millwright.driver.mqtt.internal.config.TagMapping;
import io.millwright.driver.mqtt.internal.config.TopicFilters;
import io.millwright.driver.mqtt.internal.device.MqttDevice;
import io.millwright.driver.support.sparkplug.MalformedPayloadException;
import io.millwright.driver.support.sparkplug.SparkplugCodec;
import io.millwright.driver.support.sparkplug.SparkplugPayload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Routes one connection's messages to its devices' mappings and hands each device's samples to
 * the sinks. Returns what could not be used, so that the connection quarantines it. One message
 * at a time (Paho's callback thread, or a replay from the shell): the batch list is reused.
 */
public final class MessageRouter {

    /** What became of a message: how many devices used it, and why others refused it (empty when none did). */
    public record Outcome(int delivered, List<String> refusals) {
        public boolean refused() {
            return !refusals.isEmpty();
        }
    }

    private record JsonRoute(String filter, MqttDevice device, JsonTagReader reader) {
    }

    private record PlainRoute(String filter, MqttDevice device, TagMapping tag) {
    }

    private final List<JsonRoute> json = new ArrayList<>();
    private final List<PlainRoute> plain = new ArrayList<>();
    private final Map<String, SparkplugNode> nodes = new LinkedHashMap<>();
    private final Consumer<List<Sample>> delivery;
    private final List<Sample> batch = new ArrayList<>();

    public MessageRouter(List<MqttDevice> devices, RebirthRequester rebirth, Consumer<List<Sample>> delivery) {
        this.delivery = delivery;
        ObjectMapper mapper = JsonTagReader.strictMapper();
        for (MqttDevice d : devices) {
            DeviceMapping m = d.mapping();
            switch (m.format()) {
                case JSON -> json.add(new JsonRoute(m.topic(), d, new JsonTagReader(mapper, m)));
                case PLAIN -> m.tags().forEach(t -> plain.add(new PlainRoute(t.source(), d, t)));
                default -> {
                    SparkplugAddress node = m.node().nodeAddress();
                    SparkplugNode n = nodes.get(node.toString());
                    if (n == null || (m.node().isNode() && n != null)) {
                        SparkplugNode replaced = n;
                        n = new SparkplugNode(node, m.node().isNode() ? d : null, rebirth);
                        nodes.put(node.toString(), n);
                        if (replaced != null) {
                            replaced.copyDevicesTo(n);
                        }
                    }
                    if (!m.node().isNode()) {
                        n.addDevice(m.node().device(), d);
                    }
                }
            }
        }
    }

    /** Seq gaps seen across this connection's edge nodes. */
    public synchronized long seqGaps() {
        return nodes.values().stream().mapToLong(SparkplugNode::seqGaps).sum();
    }

    /**
     * @param replay true when re-running a quarantined payload: Sparkplug seq checks are skipped
     */
    public synchronized Outcome route(String topic, byte[] payload, long now, boolean replay) {
        int delivered = 0;
        List<String> refusals = new ArrayList<>(0);
        for (JsonRoute r : json) {
            if (TopicFilters.matches(r.filter(), topic)) {
                try {
                    String badTags = r.reader().read(payload, now, batch);
                    deliver(r.device());
                    delivered++;
                    if (badTags != null) {
                        // the good tags went on; the payload is kept for a look (and a replay) all the same
                        r.device().refused();
                        refusals.add("device " + r.device().id() + ": " + badTags);
                    }
                } catch (PayloadRefusedException e) {
                    r.device().refused();
                    refusals.add("device " + r.device().id() + ": " + e.getMessage());
                }
            }
        }
        for (PlainRoute r : plain) {
            if (TopicFilters.matches(r.filter(), topic)) {
                try {
                    batch.add(PlainValueReader.read(r.device().id(), r.tag(), payload, now));
                    deliver(r.device());
                    delivered++;
                } catch (PayloadRefusedException e) {
                    r.device().refused();
                    refusals.add("device " + r.device().id() + ": " + e.getMessage());
                }
            }
        }
        if (topic.startsWith(SparkplugAddress.NAMESPACE + "/")) {
            delivered += sparkplug(topic, payload, now, replay, refusals);
        }
        return new Outcome(delivered, refusals);
    }

    private int sparkplug(String topic, byte[] payload, long now, boolean replay, List<String> refusals) {
        String[] levels = topic.split("/", -1);
        if (levels.length < 4 || levels.length > 5) {
            return 0;
        }
        SparkplugNode node = nodes.get(levels[1] + "/" + levels[3]);
        if (node == null) {
            return 0;
        }
        String type = levels[2];
        if (type.equals("NCMD") || type.equals("DCMD")) {
            return 0;
        }
        try {
            SparkplugPayload p;
            try {
                p = SparkplugCodec.decode(payload);
            } catch (MalformedPayloadException e) {
                throw new PayloadRefusedException("Sparkplug B " + type + " payload undecodable: " + e.getMessage());
            }
            MqttDevice target = node.handle(type, levels.length == 5 ? levels[4] : null, p, now, replay, batch);
            if (target != null) {
                deliver(target);
                return 1;
            }
            return 0;
        } catch (PayloadRefusedException e) {
            batch.clear();
            refusals.add("Sparkplug B " + levels[1] + "/" + levels[3] + ": " + e.getMessage());
            return 0;
        }
    }

    private void deliver(MqttDevice device) {
        try {
            device.accepted(batch);
            if (!batch.isEmpty()) {
                delivery.accept(batch);
            }
        } finally {
            batch.clear();
        }
    }
}
