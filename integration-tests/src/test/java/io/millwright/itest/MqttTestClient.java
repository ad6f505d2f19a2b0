package io.millwright.itest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A Paho client inside the probe, standing for a plant's publisher (a PLC gateway, an edge node).
 * Its Paho classes come from the driver feature's bundle, so the class loads only after that
 * feature is installed; {@code MqttIT} touches it only then.
 *
 * <p>With {@code persistent}, it keeps a session at the broker, reconnects by itself, and buffers
 * QoS 1 messages published while the broker is away, sending them once it is back.
 */
final class MqttTestClient implements AutoCloseable {

    /** A message received on a subscription. */
    record Received(String topic, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<IMqttDeliveryToken> sent = new CopyOnWriteArrayList<>();
    private final MqttAsyncClient client;

    MqttTestClient(int port, String clientId, boolean persistent) throws MqttException {
        client = new MqttAsyncClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(!persistent);
        o.setMaxInflight(1000);
        if (persistent) {
            o.setAutomaticReconnect(true);
            o.setMaxReconnectDelay(1000);
            DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
            buffer.setBufferEnabled(true);
            buffer.setBufferSize(10_000);
            buffer.setDeleteOldestMessages(false);
            client.setBufferOpts(buffer);
        }
        client.connect(o).waitForCompletion(10_000);
    }

    void publish(String topic, byte[] payload) throws MqttException {
        sent.add(client.publish(topic, payload, 1, false));
    }

    void publish(String topic, String text) throws MqttException {
        publish(topic, text.getBytes(StandardCharsets.UTF_8));
    }

    void subscribe(String filter) throws MqttException {
        client.subscribe(filter, 1, (topic, message) -> received.add(new Received(topic, message.getPayload())))
                .waitForCompletion(10_000);
    }

    boolean connected() {
        return client.isConnected();
    }

    /** Every QoS 1 message published so far was acknowledged by the broker. */
    boolean allDelivered() {
        return sent.stream().allMatch(t -> t.isComplete() && t.getException() == null);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close(true);
    }
}
