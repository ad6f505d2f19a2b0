package io.millwright.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.millwright.api.device.Device;
import io.millwright.api.device.DeviceStatus;
import io.millwright.api.device.TagStatus;
import io.millwright.api.quarantine.Quarantine;
import io.millwright.api.quarantine.QuarantinedPayload;
import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

/**
 * The MQTT driver in the distribution against the embedded broker (millwright-mqtt-broker, on the
 * free port every test container gets), as an integrator sets it up: one connection file per test,
 * publishers inside the probe standing for the plant. JSON and Sparkplug B become tag values,
 * deaths and seq gaps are acted on, what cannot be decoded is quarantined (and replayed by admin
 * only), and a broker restart loses no QoS 1 message.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MqttIT extends MillwrightTestSupport {

    private static final String BROKER_PID = "io.millwright.mqtt.broker";

    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return distribution();
    }

    private int port;

    @Before
    public void brokerAndDriver() throws Exception {
        installFeature("millwright-store-derby");
        installFeature("millwright-mqtt-broker");
        installFeature("millwright-driver-mqtt");
        port = Integer.parseInt(String.valueOf(configurationAdmin.getConfiguration(BROKER_PID, null).getProperties().get("port")));
        await("the broker listening on 127.0.0.1:" + port, () -> listening(port));
    }

    @Test
    public void jsonMessagesBecomeTagValuesOfAnOnlineDevice() throws Exception {
        String file = connectionFile("itjson",
                "device.mqttpress.format", "json",
                "device.mqttpress.topic", "itjson/+/telemetry",
                "device.mqttpress.timestamp", "/ts",
                "device.mqttpress.tag.count", "/counters/total long",
                "device.mqttpress.tag.temperature", "/temp/value double",
                "device.mqttpress.tag.running", "/running boolean");
        try (MqttTestClient plc = new MqttTestClient(port, "itjson-plc", false)) {
            Device press = waitForService(Device.class, "(" + Device.PROP_ID + "=mqttpress)");
            await("mqttpress ONLINE", () -> press.status() == DeviceStatus.ONLINE);
            plc.publish("itjson/press01/telemetry",
                    "{\"ts\":1700000000000,\"counters\":{\"total\":48213},\"temp\":{\"value\":71.5},\"running\":true}");
            await("three tags from one message", () -> tag(press, "count").isPresent() && tag(press, "temperature").isPresent()
                    && tag(press, "running").isPresent());
            assertEquals(48213, tag(press, "count").get().asLong());
            assertEquals(71.5, tag(press, "temperature").get().asDouble(), 0.0);
            assertTrue(tag(press, "running").get().asBoolean());
            assertEquals("the message's own timestamp", 1700000000000L, tag(press, "count").get().sourceTime());
            assertEquals("JSON is taken as periodic: silence means stale", Device.REPORTS_POLLED, press.reporting());

            String shown = runAsViewer("millwright:device mqttpress").ok();
            assertTrue(shown, shown.contains("ONLINE") && line(shown, "count").contains("48213"));
            String topics = runAsViewer("millwright:mqtt-topics itjson").ok();
            assertTrue(topics, topics.contains(port + " connected") && line(topics, "itjson/press01/telemetry").contains("48213"));
        } finally {
            deleteConfigurationFile(file);
        }
    }

    @Test
    public void sparkplugBirthsAliasesDeathsAndASeqGapThatAsksForRebirth() throws Exception {
        String file = connectionFile("itspb",
                "device.mqttedge.format", "sparkplugb",
                "device.mqttedge.node", "itgroup/itedge",
                "device.mqttfiller.format", "sparkplugb",
                "device.mqttfiller.node", "itgroup/itedge/filler");
        try (MqttTestClient edge = new MqttTestClient(port, "itspb-edge", false)) {
            edge.subscribe("spBv1.0/itgroup/NCMD/itedge");
            Device node = waitForService(Device.class, "(" + Device.PROP_ID + "=mqttedge)");
            Device filler = waitForService(Device.class, "(" + Device.PROP_ID + "=mqttfiller)");
            await("connection itspb up", () -> runAsViewer("millwright:mqtt-topics itspb").output.contains(port + " connected"));
            long now = System.currentTimeMillis();
            edge.publish("spBv1.0/itgroup/NBIRTH/itedge", SparkplugB.payload(now, 0,
                    SparkplugB.Metric.named("bdSeq", -1, SparkplugB.INT64, 0),
                    SparkplugB.Metric.named("uptime", 1, SparkplugB.INT64, 3600)));
            edge.publish("spBv1.0/itgroup/DBIRTH/itedge/filler", SparkplugB.payload(now, 1,
                    SparkplugB.Metric.named("speed", 10, SparkplugB.DOUBLE, 12.5),
                    SparkplugB.Metric.named("count", 11, SparkplugB.INT64, 100)));
            await("the node and the filler ONLINE after their births",
                    () -> node.status() == DeviceStatus.ONLINE && filler.status() == DeviceStatus.ONLINE);
            // data by alias only, as edge nodes send it after the birth
            edge.publish("spBv1.0/itgroup/DDATA/itedge/filler", SparkplugB.payload(now + 1, 2,
                    SparkplugB.Metric.alias(10, SparkplugB.DOUBLE, 13.5),
                    SparkplugB.Metric.alias(11, SparkplugB.INT64, 101)));
            await("DDATA by alias", () -> tag(filler, "count").map(Sample::asLong).orElse(0L) == 101);
            assertEquals(13.5, tag(filler, "speed").get().asDouble(), 0.0);
            assertEquals(3600, tag(node, "uptime").get().asLong());
            assertEquals(Device.REPORTS_BY_EXCEPTION, filler.reporting());

            edge.publish("spBv1.0/itgroup/DDEATH/itedge/filler", SparkplugB.payload(now + 2, 3));
            await("the filler OFFLINE after its DDEATH", () -> filler.status() == DeviceStatus.OFFLINE);
            assertEquals("the node lives on", DeviceStatus.ONLINE, node.status());
            assertTrue(filler.statusDetail(), filler.statusDetail().contains("DDEATH"));

            edge.publish("spBv1.0/itgroup/DBIRTH/itedge/filler", SparkplugB.payload(now + 3, 4,
                    SparkplugB.Metric.named("speed", 10, SparkplugB.DOUBLE, 14.0),
                    SparkplugB.Metric.named("count", 11, SparkplugB.INT64, 102)));
            await("the filler ONLINE after its rebirth", () -> filler.status() == DeviceStatus.ONLINE);
            // seq 5 to 8 never arrive
            edge.publish("spBv1.0/itgroup/DDATA/itedge/filler", SparkplugB.payload(now + 4, 9,
                    SparkplugB.Metric.alias(11, SparkplugB.INT64, 110)));
            await("a rebirth request on the node's NCMD topic", () -> edge.received.stream()
                    .anyMatch(m -> m.text().contains("Node Control/Rebirth")));
            await("data after the gap still delivered", () -> tag(filler, "count").map(Sample::asLong).orElse(0L) == 110);
            String topics = runAsViewer("millwright:mqtt-topics itspb").ok();
            assertTrue(topics, topics.contains("1 rebirth requests") && topics.contains("1 seq gaps"));
        } finally {
            deleteConfigurationFile(file);
        }
    }

    @Test
    public void undecodablePayloadsAreQuarantinedGoodOnesKeepFlowingAndOnlyAdminReplays() throws Exception {
        Map<String, String> settings = connection("itbad",
                "device.mqttbad.format", "json",
                "device.mqttbad.topic", "itbad/press",
                "device.mqttbad.tag.count", "/count long",
                "device.mqttbadedge.format", "sparkplugb",
                "device.mqttbadedge.node", "itbadgroup/itbadedge");
        // the store's durable quarantine, which the driver prefers over the core's in-memory one
        Quarantine quarantine = waitForService(Quarantine.class, "(millwright.store=derby)");
        String file = "io.millwright.driver.mqtt-itbad.cfg";
        editConfigurationFile(file, settings);
        try (MqttTestClient plc = new MqttTestClient(port, "itbad-plc", false)) {
            Device press = waitForService(Device.class, "(" + Device.PROP_ID + "=mqttbad)");
            await("mqttbad ONLINE", () -> press.status() == DeviceStatus.ONLINE);
            plc.publish("itbad/press", "{\"count\": oops");
            plc.publish("itbad/press", "{\"count\": 6.5}");
            plc.publish("spBv1.0/itbadgroup/NDATA/itbadedge", new byte[] {0x12, 0x7f, 0x01});
            plc.publish("itbad/press", "{\"count\": 7}");
            await("the good message after the bad ones", () -> tag(press, "count").map(Sample::asLong).orElse(0L) == 7);
            await("three payloads quarantined", () -> quarantine.count("mqtt:itbad") == 3);

            String list = runAsViewer("millwright:quarantine --list").ok();
            assertTrue(list, line(list, "itbad/press").contains("mqtt:itbad"));
            assertTrue(list, list.contains("not JSON") && list.contains("6.5 is not a long"));
            assertTrue(list, line(list, "spBv1.0/itbadgroup/NDATA/itbadedge").contains("undecodable"));
            assertTrue(runAsViewer("millwright:mqtt-topics itbad").ok().contains("3 quarantined"));

            QuarantinedPayload wrongType = quarantine.list("mqtt:itbad", 10).stream()
                    .filter(p -> p.reason().contains("6.5")).findFirst().orElseThrow();
            String shown = runAsViewer("millwright:quarantine --show " + wrongType.id()).ok();
            assertTrue(shown, shown.contains("Topic:   itbad/press") && shown.contains("{\"count\": 6.5}"));

            CommandResult byViewer = runAsViewer("millwright:quarantine --replay " + wrongType.id());
            assertTrue("a viewer must not replay: " + byViewer, byViewer.failed()
                    && byViewer.failure.getMessage().contains("Insufficient credentials"));
            CommandResult stillRefused = runAsAdmin("millwright:quarantine --replay " + wrongType.id());
            assertTrue(stillRefused.toString(), stillRefused.failed()
                    && stillRefused.failure.getMessage().contains("still refused, kept in quarantine"));
            assertTrue(quarantine.get(wrongType.id()).isPresent());

            // the integrator fixes the mapping; the connection restarts and the entry replays through it
            settings.put("device.mqttbad.tag.count", "/count double");
            editConfigurationFile(file, settings);
            await("the connection back with the new mapping", () -> runAsViewer("millwright:mqtt-topics itbad").output
                    .contains(port + " connected, 0 messages"));
            String replayed = runAsAdmin("millwright:quarantine --replay " + wrongType.id()).ok();
            assertTrue(replayed, replayed.contains("removed from quarantine"));
            Device fixed = waitForService(Device.class, "(" + Device.PROP_ID + "=mqttbad)");
            await("the replayed value", () -> tag(fixed, "count").map(Sample::asDouble).orElse(0.0) == 6.5);
            assertTrue(quarantine.get(wrongType.id()).isEmpty());
        } finally {
            deleteConfigurationFile(file);
        }
    }

    @Test
    public void qos1MessagesPublishedWhileTheBrokerRestartsAllArriveAndTheDeviceComesBackByItself() throws Exception {
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        SampleSink recorder = samples -> samples.stream().filter(s -> s.deviceId().equals("mqttrestart"))
                .forEach(s -> seen.add(s.asLong()));
        ServiceRegistration<SampleSink> sink = bundleContext.registerService(SampleSink.class, recorder, null);
        String file = connectionFile("itrestart",
                "device.mqttrestart.format", "json",
                "device.mqttrestart.topic", "itrestart/press",
                "device.mqttrestart.tag.n", "/n long");
        Bundle broker = bundle("millwright-mqtt-broker");
        try (MqttTestClient publisher = new MqttTestClient(port, "itrestart-publisher", true)) {
            Device device = waitForService(Device.class, "(" + Device.PROP_ID + "=mqttrestart)");
            await("mqttrestart ONLINE", () -> device.status() == DeviceStatus.ONLINE);
            publisher.publish("itrestart/press", "{\"n\": 0}");
            await("the first message", () -> seen.contains(0L));

            broker.stop();
            await("mqttrestart OFFLINE while the broker is away", () -> device.status() == DeviceStatus.OFFLINE);
            await("the publisher knows it is away", () -> !publisher.connected());
            for (int n = 1; n <= 100; n++) {
                publisher.publish("itrestart/press", "{\"n\": " + n + "}");
            }
            broker.start();

            await("mqttrestart ONLINE again by itself", () -> device.status() == DeviceStatus.ONLINE);
            await("the publisher's 100 QoS 1 messages acknowledged by the broker", publisher::allDelivered);
            await("all 100 delivered to the driver", () -> seen.containsAll(
                    LongStream.rangeClosed(1, 100).boxed().collect(Collectors.toSet())));
            assertTrue(device.reconnectCount() >= 1);
        } finally {
            if (broker.getState() != Bundle.ACTIVE) {
                broker.start();
            }
            sink.unregister();
            deleteConfigurationFile(file);
        }
    }

    @Test
    public void aTakenPortIsNamedByHealth() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            editConfigurationFile("io.millwright.mqtt.broker.cfg", Map.of("port", Integer.toString(taken.getLocalPort())));
            await("health names the address the broker cannot listen on", () -> {
                String health = runAsViewer("millwright:health").output;
                return health.contains("mqtt broker") && health.contains("127.0.0.1:" + taken.getLocalPort())
                        && health.contains("Address already in use");
            });
        } finally {
            editConfigurationFile("io.millwright.mqtt.broker.cfg", Map.of("port", Integer.toString(port)));
        }
        await("the broker back on " + port, () -> listening(port));
        await("and health clear of it", () -> !runAsViewer("millwright:health").output.contains("mqtt broker"));
    }

    /** Writes {@code etc/io.millwright.driver.mqtt-<id>.cfg} for the test broker; returns the file name. */
    private String connectionFile(String id, String... keyValues) throws Exception {
        String file = "io.millwright.driver.mqtt-" + id + ".cfg";
        editConfigurationFile(file, connection(id, keyValues));
        return file;
    }

    private Map<String, String> connection(String id, String... keyValues) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("uri", "tcp://127.0.0.1:" + port);
        p.put("reconnectMaxDelay", "1000");
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private static Optional<Sample> tag(Device device, String name) {
        return device.tags().stream().filter(t -> t.name().equals(name)).findFirst().flatMap(TagStatus::lastSample);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
