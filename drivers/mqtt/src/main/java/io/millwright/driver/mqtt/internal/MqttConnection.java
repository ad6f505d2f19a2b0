package io.millwright.driver.mqtt.internal;

import io.millwright.api.quarantine.Quarantine;
import io.millwright.api.sample.SampleSink;
import io.millwright.driver.mqtt.internal.config.ConnectionSettings;
import io.millwright.driver.mqtt.internal.config.DeviceMapping;
import io.millwright.driver.mqtt.internal.config.SparkplugAddress;
import io.millwright.driver.mqtt.internal.device.MqttDevice;
import io.millwright.driver.mqtt.internal.link.LinkListener;
import io.millwright.driver.mqtt.internal.link.MqttLink;
import io.millwright.driver.mqtt.internal.mapping.MessageRouter;
import io.millwright.driver.support.sparkplug.DataType;
import io.millwright.driver.support.sparkplug.SparkplugCodec;
import io.millwright.driver.support.sparkplug.SparkplugMetric;
import io.millwright.driver.support.sparkplug.SparkplugPayload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running broker connection: its link, its devices, the routing of messages to them, the topic
 * log, and the quarantine of what could not be used. Nothing a message contains can stop it: a
 * payload no mapping can use is quarantined and counted, and the client keeps running.
 */
public final class MqttConnection implements LinkListener {

    private static final Logger LOG = LoggerFactory.getLogger(MqttConnection.class);
    static final String REBIRTH_METRIC = "Node Control/Rebirth";

    private final ConnectionSettings settings;
    private final List<MqttDevice> devices = new ArrayList<>();
    private final Supplier<Quarantine> quarantine;
    private final MessageRouter router;
    private final MqttLink link;
    private final TopicLog topics = new TopicLog(200, 256);
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();
    private final AtomicLong rebirthRequests = new AtomicLong();
    private volatile boolean subscribed;

    public MqttConnection(ConnectionSettings settings, Supplier<List<SampleSink>> sinks, Supplier<Quarantine> quarantine) {
        this.settings = settings;
        this.quarantine = quarantine;
        Map<String, Integer> subscriptions = new LinkedHashMap<>();
        for (DeviceMapping m : settings.devices()) {
            devices.add(new MqttDevice(m));
            for (String filter : m.filters()) {
                subscriptions.merge(filter, m.qos(), Math::max);
            }
        }
        this.router = new MessageRouter(devices, this::requestRebirth, new SampleDelivery(settings.id(), sinks));
        this.link = new MqttLink(settings, subscriptions, this);
    }

    public String id() {
        return settings.id();
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public List<MqttDevice> devices() {
        return List.copyOf(devices);
    }

    public TopicLog topics() {
        return topics;
    }

    /** Connected and subscribed. */
    public boolean connected() {
        return subscribed && link.isConnected();
    }

    public long messageCount() {
        return messages.get();
    }

    public long quarantinedCount() {
        return quarantined.get();
    }

    public long rebirthRequests() {
        return rebirthRequests.get();
    }

    public long seqGaps() {
        return router.seqGaps();
    }

    public void start() throws MqttException {
        link.start();
    }

    public void stop() {
        link.stop();
    }

    @Override
    public void up() {
        subscribed = true;
        devices.forEach(MqttDevice::linkUp);
    }

    @Override
    public void down(String detail) {
        subscribed = false;
        devices.forEach(d -> d.linkDown(detail));
    }

    @Override
    public void message(String topic, byte[] payload) {
        messages.incrementAndGet();
        try {
            MessageRouter.Outcome outcome = router.route(topic, payload, System.currentTimeMillis(), false);
            topics.record(topic, payload, outcome.delivered() > 0 || outcome.refused());
            if (outcome.refused()) {
                quarantine(topic, String.join("; ", outcome.refusals()), payload);
            }
        } catch (RuntimeException e) {
            // a bug, not the payload's fault: keep the message and the client
            LOG.error("MQTT connection {}: message on {} failed", settings.id(), topic, e);
            quarantine(topic, "internal error: " + e, payload);
        }
    }

    /**
     * Runs a quarantined payload through the mapping again.
     *
     * @return null when a device used it, or why it is still refused
     */
    public String replay(String topic, byte[] payload) {
        MessageRouter.Outcome outcome = router.route(topic, payload, System.currentTimeMillis(), true);
        if (outcome.refused()) {
            return String.join("; ", outcome.refusals());
        }
        return outcome.delivered() > 0 ? null : "no mapping of connection " + settings.id() + " uses topic " + topic;
    }

    /** The quarantine holds what its service refuses ({@code HoldingQuarantine}), so put does not throw. */
    private void quarantine(String topic, String reason, byte[] payload) {
        quarantined.incrementAndGet();
        long id = quarantine.get().put(settings.source(), topic, reason, payload);
        LOG.warn("MQTT connection {}: quarantined payload {} from {}: {}", settings.id(), id, topic, reason);
    }

    private void requestRebirth(String group, String edgeNode, String why) {
        rebirthRequests.incrementAndGet();
        String topic = SparkplugAddress.NAMESPACE + "/" + group + "/NCMD/" + edgeNode;
        LOG.info("MQTT connection {}: asking {}/{} to rebirth ({})", settings.id(), group, edgeNode, why);
        SparkplugMetric rebirth = new SparkplugMetric(REBIRTH_METRIC, -1, System.currentTimeMillis(), DataType.BOOLEAN,
                false, 'b', 1, 0, null);
        link.publish(topic, SparkplugCodec.encode(new SparkplugPayload(System.currentTimeMillis(), -1, List.of(rebirth))), 0);
    }
}
