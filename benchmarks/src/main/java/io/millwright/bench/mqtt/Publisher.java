package io.millwright.bench.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One Paho client publishing simulator-like JSON as fast as the broker takes it: at most
 * {@code window} messages not yet written (QoS 0) or not yet acknowledged (QoS 1) at a time.
 */
final class Publisher implements AutoCloseable {

    static final String CLIENT_ID = "bench-publisher";

    private final MqttAsyncClient client;
    private final String topic;
    private final int window;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running;
    private Thread thread;
    private long count;

    Publisher(String uri, String topic, int window) throws Exception {
        this.topic = topic;
        this.window = window;
        client = new MqttAsyncClient(uri, CLIENT_ID, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(window);
        o.setAutomaticReconnect(false);
        client.connect(o).waitForCompletion(10_000);
    }

    long completed() {
        return completed.get();
    }

    long failed() {
        return failed.get();
    }

    void start(int qos) {
        running = true;
        Semaphore permits = new Semaphore(window);
        IMqttActionListener done = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                completed.incrementAndGet();
                permits.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                failed.incrementAndGet();
                permits.release();
            }
        };
        thread = new Thread(() -> {
            StringBuilder sb = new StringBuilder(96);
            try {
                while (running) {
                    permits.acquire();
                    sb.setLength(0);
                    sb.append("{\"ts\":").append(System.currentTimeMillis()).append(",\"running\":true,\"totalCount\":")
                            .append(++count).append(",\"speed\":12.5}");
                    client.publish(topic, sb.toString().getBytes(StandardCharsets.UTF_8), qos, false, null, done);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                if (running) {
                    System.err.println("# publisher stopped: " + e);
                }
            }
        }, "bench-publish");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join(10_000);
        // let what is in flight complete so the next round starts with a full window
        long deadline = System.currentTimeMillis() + 10_000;
        while (client.getPendingDeliveryTokens().length > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
    }

    @Override
    public void close() throws Exception {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
