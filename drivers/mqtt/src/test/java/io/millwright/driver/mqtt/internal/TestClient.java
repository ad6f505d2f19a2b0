package io.millwright.driver.mqtt.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A plain Paho client for tests: publishes, and records what arrives on its subscriptions. */
public final class TestClient implements AutoCloseable {

    public record Received(String topic, byte[] payload) {
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    private final MqttClient client;

    public TestClient(String uri, String clientId) throws MqttException {
        client = new MqttClient(uri, clientId, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        client.connect(o);
    }

    public void publish(String topic, byte[] payload, int qos) throws MqttException {
        client.publish(topic, payload, qos, false);
    }

    public void publish(String topic, String payload, int qos) throws MqttException {
        publish(topic, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), qos);
    }

    public void subscribe(String filter) throws MqttException {
        client.subscribe(filter, 1, (t, m) -> received.add(new Received(t, m.getPayload())));
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
