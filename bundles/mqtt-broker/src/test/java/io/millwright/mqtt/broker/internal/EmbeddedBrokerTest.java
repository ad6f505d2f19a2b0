package io.millwright.mqtt.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/** The embedded Moquette with Paho clients: QoS 1 through a restart, a taken port, login, and no threads left behind. */
class EmbeddedBrokerTest {

    private static final long WAIT_MS = 15_000;

    private static Path dir(String name) throws IOException {
        Path root = Path.of(System.getProperty("broker.test.dir", "target/broker-test")).toAbsolutePath();
        Files.createDirectories(root);
        return Files.createTempDirectory(root, name);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static EmbeddedBroker broker(int port, Path data, Object... more) throws Exception {
        Object[] kv = new Object[more.length + 4];
        kv[0] = "port";
        kv[1] = port;
        kv[2] = "dataDirectory";
        kv[3] = data.toString();
        System.arraycopy(more, 0, kv, 4, more.length);
        return new EmbeddedBroker(BrokerSettings.of(TestConfig.of(kv), null));
    }

    private static MqttClient client(int port, String id, boolean cleanSession, String user, String password) throws MqttException {
        MqttClient c = new MqttClient("tcp://127.0.0.1:" + port, id, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(cleanSession);
        o.setMaxInflight(1000);
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password.toCharArray());
        }
        c.connect(o);
        return c;
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void qos1MessagesForAPersistentSessionSurviveABrokerRestart() throws Exception {
        int port = freePort();
        Path data = dir("restart");
        EmbeddedBroker broker = broker(port, data);
        broker.start();
        List<String> received = new CopyOnWriteArrayList<>();
        try {
            MqttClient subscriber = client(port, "driver", false, null, null);
            subscriber.subscribe("plant/+/count", 1);
            subscriber.disconnect();
            subscriber.close();

            broker.stop();
            broker = broker(port, data);
            broker.start();
            try (MqttClient publisher = client(port, "publisher", true, null, null)) {
                for (int i = 1; i <= 50; i++) {
                    publisher.publish("plant/press01/count", Integer.toString(i).getBytes(StandardCharsets.UTF_8), 1, false);
                }
                publisher.disconnect();
            }
            subscriber = new MqttClient("tcp://127.0.0.1:" + port, "driver", new MemoryPersistence());
            subscriber.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                    received.add(new String(message.getPayload(), StandardCharsets.UTF_8));
                }

                @Override
                public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
                }
            });
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(false);
            subscriber.connect(o);
            await("50 queued messages", () -> received.size() >= 50);
            assertThat(Set.copyOf(received)).isEqualTo(IntStream.rangeClosed(1, 50).mapToObj(Integer::toString)
                    .collect(Collectors.toSet()));
            subscriber.disconnect();
            subscriber.close();
        } finally {
            broker.stop();
        }
    }

    @Test
    void aTakenPortIsReportedWithTheAddressAndLeavesNothingRunning() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            EmbeddedBroker broker = broker(taken.getLocalPort(), dir("taken"));
            assertThatThrownBy(broker::start)
                    .hasMessageContaining("cannot listen on tcp://127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("another broker");
            assertThat(broker.running()).isFalse();
        }
        await("Moquette's threads ended", () -> newThreads(before).isEmpty());
    }

    @Test
    void withAUserConfiguredOnlyThatLoginConnects() throws Exception {
        int port = freePort();
        EmbeddedBroker broker = broker(port, dir("auth"), "allowAnonymous", false, "username", "plant", "password", "s3cret");
        broker.start();
        try {
            assertThatThrownBy(() -> client(port, "anon", true, null, null)).isInstanceOf(MqttSecurityException.class);
            assertThatThrownBy(() -> client(port, "wrong", true, "plant", "guess")).isInstanceOf(MqttSecurityException.class);
            try (MqttClient ok = client(port, "right", true, "plant", "s3cret")) {
                assertThat(ok.isConnected()).isTrue();
                ok.disconnect();
            }
        } finally {
            broker.stop();
        }
    }

    @Test
    void stopEndsEveryThreadTheBrokerStarted() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        int port = freePort();
        EmbeddedBroker broker = broker(port, dir("threads"));
        broker.start();
        try (MqttClient c = client(port, "t", true, null, null)) {
            c.publish("t/x", new byte[] {1}, 1, false);
            c.disconnect();
        }
        assertThat(newThreads(before)).isNotEmpty();
        broker.stop();
        await("no thread of the broker left: " + newThreads(before), () -> newThreads(before).isEmpty());
    }

    /** Live threads started since {@code before}, except Paho's (the test's clients end theirs on their own). */
    private static List<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.getName().startsWith("MQTT"))
                .map(Thread::getName).toList();
    }
}
