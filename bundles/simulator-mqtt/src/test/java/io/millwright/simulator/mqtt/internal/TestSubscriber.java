package io.millwright.simulator.mqtt.internal;

import io.millwright.driver.support.sparkplug.MalformedPayloadException;
import io.millwright.driver.support.sparkplug.SparkplugCodec;
import io.millwright.driver.support.sparkplug.SparkplugPayload;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A real Paho client that subscribes to the face's JSON and Sparkplug B topics and keeps every
 * message in arrival order; it reconnects and subscribes again by itself after a broker restart.
 */
final class TestSubscriber implements MqttCallbackExtended, AutoCloseable {

    /** One message as received. */
    record Received(String topic, byte[] payload) {

        String text() {
            return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        }

        SparkplugPayload sparkplug() {
            try {
                return SparkplugCodec.decode(payload);
            } catch (MalformedPayloadException e) {
                throw new AssertionError(topic + ": " + e.getMessage(), e);
            }
        }
    }

    private static final String[] FILTERS = {"millwright/sim/#", "spBv1.0/#"};

    private final MqttAsyncClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int subscriptions;

    /** Returns once subscribed. */
    TestSubscriber(String uri) throws MqttException, InterruptedException {
        client = new MqttAsyncClient(uri, "test-subscriber-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(this);
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(500);
        client.connect(o).waitForCompletion(5_000);
        Poll.until("subscribed", Duration.ofSeconds(5), () -> subscriptions > 0);
    }

    /** How often the subscriptions were made: once per connection. */
    int subscriptions() {
        return subscriptions;
    }

    List<Received> all() {
        return List.copyOf(received);
    }

    List<Received> matching(Predicate<String> topic) {
        return received.stream().filter(r -> topic.test(r.topic())).toList();
    }

    void publish(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false).waitForCompletion(5_000);
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // asynchronously: a callback must not wait for the broker
        try {
            client.subscribe(FILTERS, new int[] {1, 1}, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    subscriptions++;
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    // the next reconnect subscribes again
                }
            });
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        // Paho reconnects
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        received.add(new Received(topic, message.getPayload()));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // the test's rebirth requests need no confirmation
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close(true);
    }
}
