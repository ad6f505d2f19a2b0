package io.millwright.simulator.mqtt.internal;

import io.millwright.driver.support.sparkplug.MalformedPayloadException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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
 * One Paho client to the broker. Paho's automatic reconnect is off because Sparkplug B needs a
 * new will (the NDEATH with the next bdSeq) on every connection; the owner reconnects. With
 * Sparkplug B each connection subscribes to the node's NCMD topic before it counts as up. Every
 * outcome goes to the owner's thread through {@link Events}, tagged with the attempt it belongs
 * to, so the owner can ignore the late news of an attempt it gave up on.
 */
final class BrokerLink implements MqttCallback {

    /** Called on the owner's executor. */
    interface Events {
        void connected(int attempt);

        void lost(int attempt, String why);

        void rebirthRequested();
    }

    private static final Logger LOG = LoggerFactory.getLogger(BrokerLink.class);
    private static final int CONNECT_TIMEOUT_S = 10;

    private final MqttFaceSettings settings;
    private final String ncmdTopic;
    private final Executor owner;
    private final Events events;
    private final MqttAsyncClient client;
    private volatile int attempt;
    private volatile IMqttToken pendingConnect;

    /** @param ncmdTopic the node's command topic to subscribe to, or null (JSON only) */
    BrokerLink(MqttFaceSettings settings, String ncmdTopic, Executor owner, Events events) throws MqttException {
        this.settings = settings;
        this.ncmdTopic = ncmdTopic;
        this.owner = owner;
        this.events = events;
        client = new MqttAsyncClient(settings.brokerUri(), settings.clientId(), new MemoryPersistence());
        client.setCallback(this);
    }

    /**
     * Starts a connection attempt, on the owner's thread; its outcome comes as {@code connected}
     * or {@code lost} with the number returned.
     *
     * @param will the NDEATH to register as the last will, or null
     */
    int connect(Outgoing will) {
        int current = ++attempt;
        try {
            pendingConnect = client.connect(options(will), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    pendingConnect = null;
                    if (ncmdTopic == null) {
                        post(() -> events.connected(current));
                    } else {
                        subscribe(current);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    pendingConnect = null;
                    post(() -> events.lost(current, "cannot connect to " + settings.brokerUri() + ": " + describe(e)));
                }
            });
        } catch (MqttException e) {
            post(() -> events.lost(current, "cannot connect to " + settings.brokerUri() + ": " + describe(e)));
        }
        return current;
    }

    boolean isConnected() {
        return client.isConnected();
    }

    /** Hands a message to Paho without waiting; false when Paho refuses it (not connected, too many in flight). */
    boolean publish(String topic, byte[] payload, int qos) {
        try {
            client.publish(topic, payload, qos, false);
            return true;
        } catch (MqttException e) {
            LOG.debug("simulator MQTT: cannot publish to {}: {}", topic, describe(e));
            return false;
        }
    }

    /**
     * Disconnects, publishing {@code farewell} first when connected (a clean disconnect does not
     * send the will), and releases Paho's threads. Called once the owner's thread has stopped.
     */
    void close(Outgoing farewell) {
        attempt++;
        IMqttToken connecting = pendingConnect;
        if (connecting != null) {
            try {
                // Paho refuses to close while a connect is under way
                connecting.waitForCompletion(CONNECT_TIMEOUT_S * 1000L + 1000);
            } catch (MqttException e) {
                // failed: nothing to disconnect
            }
        }
        try {
            if (client.isConnected()) {
                if (farewell != null) {
                    client.publish(farewell.topic(), farewell.payload(), 1, false).waitForCompletion(2000);
                }
                client.disconnect(1000).waitForCompletion(2000);
            }
        } catch (MqttException e) {
            try {
                client.disconnectForcibly(0, 1000);
            } catch (MqttException ignored) {
                // closing anyway
            }
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.warn("simulator MQTT: closing the client of {}: {}", settings.brokerUri(), describe(e));
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        int current = attempt;
        post(() -> events.lost(current, "connection to " + settings.brokerUri() + " lost: " + describe(cause)));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        if (!topic.equals(ncmdTopic)) {
            return;
        }
        try {
            if (SparkplugEdge.asksRebirth(message.getPayload())) {
                post(events::rebirthRequested);
            }
        } catch (MalformedPayloadException e) {
            LOG.warn("simulator MQTT: ignoring an undecodable NCMD on {}: {}", topic, e.getMessage());
        }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // counted when handed to Paho
    }

    private void subscribe(int current) {
        try {
            client.subscribe(ncmdTopic, 0, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] granted = token.getGrantedQos();
                    if (granted != null && granted.length > 0 && granted[0] == 0x80) {
                        LOG.warn("simulator MQTT: the broker refused the subscription to {}: rebirth requests go unheard",
                                ncmdTopic);
                    }
                    post(() -> events.connected(current));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    post(() -> events.lost(current, "cannot subscribe to " + ncmdTopic + ": " + describe(e)));
                    try {
                        client.disconnect();
                    } catch (MqttException ignored) {
                        // the next attempt sorts it out
                    }
                }
            });
        } catch (MqttException e) {
            post(() -> events.lost(current, "cannot subscribe to " + ncmdTopic + ": " + describe(e)));
        }
    }

    private MqttConnectOptions options(Outgoing will) {
        MqttConnectOptions o = new MqttConnectOptions();
        // Sparkplug B edge nodes start clean: the births tell a host everything again
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(30);
        o.setConnectionTimeout(CONNECT_TIMEOUT_S);
        o.setMaxInflight(1000);
        if (!settings.username().isEmpty()) {
            o.setUserName(settings.username());
            o.setPassword(settings.password().toCharArray());
        }
        if (will != null) {
            o.setWill(will.topic(), will.payload(), 1, false);
        }
        return o;
    }

    private void post(Runnable task) {
        try {
            owner.execute(task);
        } catch (RejectedExecutionException e) {
            // the owner is stopping
        }
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
