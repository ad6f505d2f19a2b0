package io.millwright.driver.mqtt.internal.link;

import io.millwright.driver.mqtt.internal.config.ConnectionSettings;
import io.millwright.driver.mqtt.internal.config.SocketFactories;
import io.millwright.driver.support.Backoff;
import io.millwright.driver.support.config.ConfigRefusedException;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Paho client to one broker, with its own reconnect thread: connects, subscribes, and after
 * a loss reconnects with backoff up to {@code reconnectMaxDelay}. Paho's own automatic reconnect
 * is off, so the backoff cap is ours and the device status follows every attempt.
 *
 * <p>Client persistence is in memory: inbound QoS 1 messages are acknowledged only after
 * {@link LinkListener#message} returns, and with {@code cleanSession=false} the broker keeps what
 * arrives while the driver is away (updated, restarted, reconnecting) for this client id. A file
 * store would only keep unacknowledged <em>outbound</em> messages, which here are only rebirth
 * requests, asked again on the next gap.
 */
public final class MqttLink implements MqttCallback {

    private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);
    private static final long FIRST_RECONNECT_MS = 250;

    private final ConnectionSettings settings;
    private final Map<String, Integer> subscriptions;
    private final LinkListener listener;
    /** Not thread-safe by itself: reset on Paho's callback thread, read on the reconnect thread; guarded by itself. */
    private final Backoff backoff;
    private ScheduledExecutorService executor;
    private MqttAsyncClient client;
    private volatile boolean closed;
    private volatile IMqttToken pendingConnect;
    private volatile boolean everUp;
    /**
     * Which connect attempt is current: a loss seen by several callbacks of one attempt (the
     * subscribe failing and connectionLost) must lead to one reconnect, and a late callback of an
     * old attempt must not touch the connection that followed (a disconnect from there would end
     * it silently: Paho reports no loss for a disconnect asked for).
     */
    private final java.util.concurrent.atomic.AtomicInteger attempt = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean reconnectPending = new java.util.concurrent.atomic.AtomicBoolean();

    /** @param subscriptions topic filter to QoS */
    public MqttLink(ConnectionSettings settings, Map<String, Integer> subscriptions, LinkListener listener) {
        this.settings = settings;
        this.subscriptions = Map.copyOf(subscriptions);
        this.listener = listener;
        this.backoff = new Backoff(FIRST_RECONNECT_MS, settings.reconnectMaxDelayMs(), settings.id().hashCode());
    }

    public void start() throws MqttException {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "millwright-mqtt-" + settings.id());
            t.setDaemon(true);
            return t;
        });
        client = new MqttAsyncClient(settings.uri(), settings.clientId(), new MemoryPersistence());
        client.setCallback(this);
        executor.execute(this::connect);
    }

    public boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    /** Publishes without waiting (safe from the message callback). */
    public void publish(String topic, byte[] payload, int qos) {
        try {
            if (client.isConnected()) {
                client.publish(topic, payload, qos, false);
            }
        } catch (MqttException e) {
            LOG.warn("MQTT connection {}: cannot publish to {}: {}", settings.id(), topic, e.toString());
        }
    }

    private void connect() {
        reconnectPending.set(false);
        if (closed) {
            return;
        }
        int current = attempt.incrementAndGet();
        MqttConnectOptions options;
        try {
            options = options();
        } catch (ConfigRefusedException e) {
            listener.down(e.getMessage());
            schedule();
            return;
        }
        try {
            pendingConnect = client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    pendingConnect = null;
                    if (current == attempt.get()) {
                        subscribe(current);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    pendingConnect = null;
                    if (current == attempt.get()) {
                        failed("cannot connect to " + settings.uri() + ": " + describe(e));
                    }
                }
            });
        } catch (MqttException e) {
            failed("cannot connect to " + settings.uri() + ": " + describe(e));
        }
    }

    private void subscribe(int current) {
        String[] filters = subscriptions.keySet().toArray(String[]::new);
        int[] qos = new int[filters.length];
        for (int i = 0; i < filters.length; i++) {
            qos[i] = subscriptions.get(filters[i]);
        }
        try {
            client.subscribe(filters, qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    if (current != attempt.get()) {
                        return;
                    }
                    int[] granted = token.getGrantedQos();
                    for (int i = 0; granted != null && i < granted.length; i++) {
                        if (granted[i] == 0x80) {
                            LOG.warn("MQTT connection {}: the broker refused the subscription to {}", settings.id(),
                                    i < filters.length ? filters[i] : "?");
                        }
                    }
                    synchronized (backoff) {
                        backoff.reset();
                    }
                    if (everUp) {
                        LOG.info("MQTT connection {}: reconnected to {}", settings.id(), settings.uri());
                    }
                    everUp = true;
                    listener.up();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    if (current != attempt.get()) {
                        return;
                    }
                    failed("cannot subscribe at " + settings.uri() + ": " + describe(e));
                    try {
                        client.disconnect();
                    } catch (MqttException ignored) {
                        // connectionLost or the next attempt sorts it out
                    }
                }
            });
        } catch (MqttException e) {
            failed("cannot subscribe at " + settings.uri() + ": " + describe(e));
        }
    }

    private void failed(String detail) {
        if (closed) {
            return;
        }
        LOG.warn("MQTT connection {}: {}", settings.id(), detail);
        listener.down(detail);
        schedule();
    }

    private void schedule() {
        if (!closed && reconnectPending.compareAndSet(false, true)) {
            try {
                long delayMs;
                synchronized (backoff) {
                    delayMs = backoff.nextDelayMs();
                }
                executor.schedule(this::connect, delayMs, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // stopping
            }
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        if (closed) {
            return;
        }
        String detail = "connection to " + settings.uri() + " lost: " + describe(cause);
        LOG.warn("MQTT connection {}: {}", settings.id(), detail);
        listener.down(detail);
        schedule();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        listener.message(topic, message.getPayload());
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // rebirth requests need no confirmation
    }

    /** Disconnects and releases the client and the reconnect thread. */
    public void stop() {
        closed = true;
        if (executor != null) {
            executor.shutdownNow();
        }
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        IMqttToken connecting = pendingConnect;
        if (connecting != null) {
            try {
                connecting.waitForCompletion(settings.connectTimeoutSeconds() * 1000L + 1000);
            } catch (MqttException e) {
                // failed: nothing to disconnect
            }
        }
        try {
            if (c.isConnected()) {
                c.disconnect(0).waitForCompletion(2000);
            }
        } catch (MqttException e) {
            try {
                c.disconnectForcibly(0, 1000);
            } catch (MqttException ignored) {
                // closing anyway
            }
        }
        try {
            c.close(true);
        } catch (MqttException e) {
            LOG.warn("MQTT connection {}: closing the client: {}", settings.id(), e.toString());
        }
        try {
            if (executor != null) {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private MqttConnectOptions options() throws ConfigRefusedException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(settings.cleanSession());
        o.setKeepAliveInterval(settings.keepAliveSeconds());
        o.setConnectionTimeout(settings.connectTimeoutSeconds());
        o.setAutomaticReconnect(false);
        o.setMaxInflight(1000);
        if (settings.username() != null) {
            o.setUserName(settings.username());
        }
        if (settings.password() != null) {
            o.setPassword(settings.password().clone());
        }
        if (settings.uri().startsWith("ssl://")) {
            o.setSocketFactory(SocketFactories.ssl(settings));
        }
        return o;
    }

    private static String describe(Throwable e) {
        if (e == null) {
            return "unknown cause";
        }
        if (e instanceof MqttException me && me.getCause() != null) {
            return me.getMessage() + " (" + me.getCause() + ")";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
