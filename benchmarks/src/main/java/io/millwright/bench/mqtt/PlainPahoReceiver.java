package io.millwright.bench.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The baseline: a plain Paho MqttAsyncClient subscribed to the same topic at the same QoS, with
 * the driver's connect options (clean session, max in-flight 1000, memory persistence), parsing
 * every payload with Jackson in its callback and reading the same four fields.
 */
final class PlainPahoReceiver implements Receiver, MqttCallback {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String uri;
    private final String topic;
    private final int qos;
    private final String clientId;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong values = new AtomicLong();
    private double checksum;
    private MqttAsyncClient client;

    PlainPahoReceiver(String uri, String topic, int qos, int round) {
        this.uri = uri;
        this.topic = topic;
        this.qos = qos;
        this.clientId = "bench-plain-" + round;
    }

    @Override
    public String name() {
        return "plain Paho";
    }

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    public void start() throws Exception {
        client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        client.setCallback(this);
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        o.setAutomaticReconnect(false);
        client.connect(o).waitForCompletion(10_000);
        client.subscribe(topic, qos).waitForCompletion(10_000);
    }

    @Override
    public void messageArrived(String t, MqttMessage message) throws Exception {
        JsonNode n = JSON.readTree(message.getPayload());
        long ts = n.path("ts").asLong();
        boolean running = n.path("running").asBoolean();
        long total = n.path("totalCount").asLong();
        double speed = n.path("speed").asDouble();
        checksum += (running ? 1 : 0) + total * 1e-9 + speed + (ts & 1);
        values.addAndGet(3);
        messages.incrementAndGet();
    }

    @Override
    public void connectionLost(Throwable cause) {
        System.err.println("# plain Paho: connection lost: " + cause);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
    }

    @Override
    public long messages() {
        return messages.get();
    }

    @Override
    public long values() {
        return values.get();
    }

    @Override
    public double checksum() {
        return checksum;
    }

    @Override
    public void close() {
        try {
            client.disconnectForcibly(0, 2_000);
            client.close();
        } catch (Exception e) {
            System.err.println("# plain Paho: close: " + e);
        }
    }
}
