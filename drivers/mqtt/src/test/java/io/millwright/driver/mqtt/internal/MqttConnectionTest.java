package io.millwright.driver.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.device.DeviceStatus;
import io.millwright.api.quarantine.QuarantinedPayload;
import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import io.millwright.driver.mqtt.internal.config.ConnectionConfigParser;
import io.millwright.driver.mqtt.internal.device.MqttDevice;
import io.millwright.driver.support.sparkplug.DataType;
import io.millwright.driver.support.sparkplug.SparkplugCodec;
import io.millwright.driver.support.sparkplug.SparkplugMetric;
import io.millwright.driver.support.sparkplug.SparkplugPayload;
import io.millwright.driver.support.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connection against an embedded Moquette broker: mappings, quarantine, Sparkplug B, reconnects, updates. */
class MqttConnectionTest {

    private static final long WAIT_MS = 15_000;
    private static TestBroker broker;
    private static TestClient publisher;
    private static int connectionNo;

    private final RecordingSink sink = new RecordingSink();
    private final TestQuarantine quarantine = new TestQuarantine();
    private MqttConnection connection;

    @BeforeAll
    static void startBroker() throws Exception {
        Path root = Path.of(System.getProperty("mqtt.test.dir", "target/mqtt-test")).toAbsolutePath();
        Files.createDirectories(root);
        Path dir = Files.createTempDirectory(root, "broker");
        broker = new TestBroker(dir).start();
        publisher = new TestClient(broker.uri(), "test-publisher");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        publisher.close();
        broker.stop();
    }

    @AfterEach
    void stopConnection() {
        if (connection != null) {
            connection.stop();
        }
    }

    private Map<String, Object> config(String id, String... keyValues) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("uri", broker.uri());
        p.put("reconnectMaxDelay", "500");
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private MqttConnection start(Map<String, Object> properties) throws Exception {
        MqttConnection c = new MqttConnection(new ConnectionConfigParser(Path.of(".")).parse(properties),
                () -> List.<SampleSink>of(sink), () -> quarantine);
        c.start();
        Await.until("connection " + c.id() + " up", WAIT_MS, c::connected);
        Await.until("devices ONLINE or waiting for birth", WAIT_MS,
                () -> c.devices().stream().allMatch(d -> d.status() != DeviceStatus.CONNECTING || d.protocol().equals("sparkplugb")));
        return c;
    }

    private static String uniq(String base) {
        synchronized (MqttConnectionTest.class) {
            return base + (++connectionNo);
        }
    }

    @Test
    void jsonMessagesBecomeSamplesPickedByPointerWithTheirTimestamp() throws Exception {
        String line = uniq("line");
        connection = start(config(line,
                "device.press01.format", "json",
                "device.press01.topic", "plant/" + line + "/+/telemetry",
                "device.press01.timestamp", "/ts",
                "device.press01.tag.count", "/counters/total long",
                "device.press01.tag.temp", "/temp double historize=true deadband=0.5",
                "device.press01.tag.running", "/running boolean",
                "device.press01.tag.product", "/product string"));
        MqttDevice device = connection.devices().get(0);
        assertThat(device.status()).isEqualTo(DeviceStatus.ONLINE);
        assertThat(device.protocol()).isEqualTo("mqtt");

        publisher.publish("plant/" + line + "/press01/telemetry",
                "{\"ts\":1700000000000,\"counters\":{\"total\":48213},\"temp\":71.5,\"running\":true,\"product\":\"P-7\"}", 1);

        Await.until("4 samples", WAIT_MS, () -> sink.all.size() == 4);
        Sample count = sink.get("press01", "count");
        assertThat(count.asLong()).isEqualTo(48213);
        assertThat(count.quality()).isEqualTo(Quality.GOOD);
        assertThat(count.sourceTime()).isEqualTo(1_700_000_000_000L);
        assertThat(sink.get("press01", "temp").asDouble()).isEqualTo(71.5);
        assertThat(sink.get("press01", "running").asBoolean()).isTrue();
        assertThat(sink.get("press01", "product").asString()).isEqualTo("P-7");
        assertThat(device.tags()).extracting(t -> t.name()).containsExactly("count", "product", "running", "temp");
        assertThat(device.tags()).filteredOn(t -> t.name().equals("temp")).singleElement()
                .satisfies(t -> {
                    assertThat(t.historized()).isTrue();
                    assertThat(t.deadband()).isEqualTo(0.5);
                    assertThat(t.last().asDouble()).isEqualTo(71.5);
                });
        assertThat(connection.topics().entries()).singleElement()
                .satisfies(e -> assertThat(e.lastPayload()).contains("48213"));
    }

    @Test
    void plainPayloadsMapOneTopicToOneTag() throws Exception {
        String line = uniq("plain");
        connection = start(config(line,
                "device.oven1.format", "plain",
                "device.oven1.tag.temperature", line + "/oven1/temperature",
                "device.oven1.tag.door", line + "/oven1/door boolean",
                "device.oven1.tag.alarms", line + "/oven1/alarms/# long"));
        publisher.publish(line + "/oven1/temperature", " 182.25 ", 1);
        publisher.publish(line + "/oven1/door", "true", 1);
        publisher.publish(line + "/oven1/alarms/high", "3", 1);
        Await.until("3 samples", WAIT_MS, () -> sink.all.size() == 3);
        assertThat(sink.get("oven1", "temperature").asDouble()).isEqualTo(182.25);
        assertThat(sink.get("oven1", "door").asBoolean()).isTrue();
        assertThat(sink.get("oven1", "alarms").asLong()).isEqualTo(3);
    }

    @Test
    void malformedPayloadsAreQuarantinedAndTheClientKeepsRunning() throws Exception {
        String line = uniq("bad");
        connection = start(config(line,
                "device.press02.format", "json",
                "device.press02.topic", line + "/press02",
                "device.press02.tag.count", "/count long",
                "device.oven2.format", "plain",
                "device.oven2.tag.temperature", line + "/oven2/temperature"));
        publisher.publish(line + "/press02", "{\"count\": 12", 1);
        publisher.publish(line + "/press02", "{\"count\": \"12a\"}", 1);
        publisher.publish(line + "/oven2/temperature", "hot", 1);
        publisher.publish(line + "/press02", new byte[] {(byte) 0xFF, 0, 1}, 1);
        publisher.publish(line + "/press02", "{\"count\": 13}", 1);

        Await.until("the good message after the bad ones", WAIT_MS,
                () -> sink.get("press02", "count") != null && sink.get("press02", "count").isGood());
        assertThat(sink.get("press02", "count").asLong()).isEqualTo(13);
        // the wrongly typed value made its tag BAD with the reason (and the payload is quarantined below)
        assertThat(sink.all).anySatisfy(x -> {
            assertThat(x.tag()).isEqualTo("count");
            assertThat(x.isGood()).isFalse();
            assertThat(x.qualityReason()).contains("not a long");
        });
        List<QuarantinedPayload> kept = quarantine.list("mqtt:" + line, 10);
        assertThat(kept).hasSize(4);
        assertThat(kept).allSatisfy(p -> assertThat(p.source()).isEqualTo("mqtt:" + line));
        assertThat(kept.get(3).reason()).contains("press02").contains("not JSON");
        assertThat(kept.get(3).topic()).isEqualTo(line + "/press02");
        assertThat(kept.get(2).reason()).contains("/count").contains("\"12a\"").contains("not a long");
        assertThat(kept.get(1).reason()).contains("oven2").contains("'hot' is not a double");
        assertThat(kept.get(0).payload()).containsExactly((byte) 0xFF, 0, 1);
        assertThat(connection.quarantinedCount()).isEqualTo(4);
        assertThat(connection.devices().get(1).errorCount()).isEqualTo(3);
        assertThat(connection.connected()).isTrue();
    }

    @Test
    void aQuarantinedPayloadReplaysOnceTheMappingAcceptsIt() throws Exception {
        String line = uniq("replay");
        connection = start(config(line,
                "device.press03.format", "json",
                "device.press03.topic", line + "/press03",
                "device.press03.tag.count", "/count long"));
        publisher.publish(line + "/press03", "{\"count\": 2.5}", 1);
        Await.until("quarantined", WAIT_MS, () -> quarantine.count(null) == 1);
        QuarantinedPayload p = quarantine.list(null, 1).get(0);
        assertThat(connection.replay(p.topic(), p.payload())).contains("2.5 is not a long");
        connection.stop();

        connection = start(config(line,
                "device.press03.format", "json",
                "device.press03.topic", line + "/press03",
                "device.press03.tag.count", "/count double"));
        assertThat(connection.replay(p.topic(), p.payload())).isNull();
        assertThat(sink.get("press03", "count").asDouble()).isEqualTo(2.5);
    }

    @Test
    void sparkplugBirthsDataAliasesAndDeaths() throws Exception {
        String group = uniq("G");
        connection = start(config(group,
                "device.edge1.format", "sparkplugb",
                "device.edge1.node", group + "/edge1",
                "device.filler.format", "sparkplugb",
                "device.filler.node", group + "/edge1/filler",
                "device.filler.historize", "true"));
        MqttDevice node = connection.devices().get(0);
        MqttDevice filler = connection.devices().get(1);
        assertThat(filler.id()).isEqualTo("filler");
        assertThat(node.status()).isEqualTo(DeviceStatus.CONNECTING);
        assertThat(node.protocol()).isEqualTo("sparkplugb");

        String base = "spBv1.0/" + group + "/";
        publisher.publish(base + "NBIRTH/edge1", SparkplugCodec.encode(new SparkplugPayload(1000, 0, List.of(
                SparkplugMetric.ofLong("bdSeq", -1, 7),
                SparkplugMetric.ofDouble("Supply/Voltage", 1, 230.5)))), 1);
        publisher.publish(base + "DBIRTH/edge1/filler", SparkplugCodec.encode(new SparkplugPayload(1001, 1, List.of(
                new SparkplugMetric("count", 2, -1, DataType.INT32, false, 'i', -5 & 0xFFFF_FFFFL, 0, null),
                SparkplugMetric.ofBoolean("running", 3, true)))), 1);
        Await.until("both born", WAIT_MS, () -> node.status() == DeviceStatus.ONLINE && filler.status() == DeviceStatus.ONLINE);
        Await.until("birth samples", WAIT_MS, () -> sink.get("filler", "running") != null);
        assertThat(sink.get("edge1", "Supply/Voltage").asDouble()).isEqualTo(230.5);
        assertThat(sink.get("filler", "count").asLong()).isEqualTo(-5);
        assertThat(sink.get("edge1", "bdSeq")).isNull();
        assertThat(filler.tags()).extracting(t -> t.name()).containsExactly("count", "running");
        assertThat(filler.tags()).allSatisfy(t -> assertThat(t.historized()).isTrue());

        // DDATA by alias only, without data types: both come from the birth
        publisher.publish(base + "DDATA/edge1/filler", SparkplugCodec.encode(new SparkplugPayload(2000, 2, List.of(
                new SparkplugMetric(null, 2, 1999, 0, false, 'i', 42, 0, null),
                new SparkplugMetric(null, 3, -1, 0, false, 'b', 0, 0, null)))), 1);
        Await.until("DDATA by alias", WAIT_MS, () -> sink.get("filler", "count").asLong() == 42);
        assertThat(sink.get("filler", "count").sourceTime()).isEqualTo(1999);
        assertThat(sink.get("filler", "running").asBoolean()).isFalse();
        assertThat(sink.get("filler", "running").sourceTime()).isEqualTo(2000);
        assertThat(connection.rebirthRequests()).isZero();

        publisher.publish(base + "DDEATH/edge1/filler", SparkplugCodec.encode(new SparkplugPayload(3000, 3, List.of())), 1);
        Await.until("filler OFFLINE", WAIT_MS, () -> filler.status() == DeviceStatus.OFFLINE);
        assertThat(filler.statusDetail()).contains("DDEATH");
        assertThat(node.status()).isEqualTo(DeviceStatus.ONLINE);

        // a death of an older session (other bdSeq) is ignored; the current one takes the node down
        publisher.publish(base + "NDEATH/edge1", SparkplugCodec.encode(new SparkplugPayload(3500, -1, List.of(
                SparkplugMetric.ofLong("bdSeq", -1, 6)))), 1);
        publisher.publish(base + "NDEATH/edge1", SparkplugCodec.encode(new SparkplugPayload(4000, -1, List.of(
                SparkplugMetric.ofLong("bdSeq", -1, 7)))), 1);
        Await.until("node OFFLINE", WAIT_MS, () -> node.status() == DeviceStatus.OFFLINE);
        assertThat(node.statusDetail()).contains("NDEATH");
    }

    @Test
    void aSeqGapAsksTheNodeToRebirth() throws Exception {
        String group = uniq("R");
        TestClient edge = new TestClient(broker.uri(), "edge-" + group);
        try {
            edge.subscribe("spBv1.0/" + group + "/NCMD/edge9");
            connection = start(config(group,
                    "device.edge9.format", "sparkplugb",
                    "device.edge9.node", group + "/edge9"));
            String base = "spBv1.0/" + group + "/";
            publisher.publish(base + "NBIRTH/edge9", SparkplugCodec.encode(new SparkplugPayload(1, 0, List.of(
                    SparkplugMetric.ofLong("bdSeq", -1, 0), SparkplugMetric.ofDouble("speed", 5, 1.0)))), 1);
            publisher.publish(base + "NDATA/edge9", SparkplugCodec.encode(new SparkplugPayload(2, 1, List.of(
                    new SparkplugMetric(null, 5, -1, 0, false, 'd', 0, 2.0, null)))), 1);
            publisher.publish(base + "NDATA/edge9", SparkplugCodec.encode(new SparkplugPayload(3, 4, List.of(
                    new SparkplugMetric(null, 5, -1, 0, false, 'd', 0, 3.0, null)))), 1);

            Await.until("a rebirth request", WAIT_MS, () -> !edge.received.isEmpty());
            SparkplugPayload ncmd = SparkplugCodec.decode(edge.received.get(0).payload());
            assertThat(ncmd.metrics()).singleElement().satisfies(m -> {
                assertThat(m.name()).isEqualTo("Node Control/Rebirth");
                assertThat(m.dataType()).isEqualTo(DataType.BOOLEAN);
                assertThat(m.longValue()).isEqualTo(1);
            });
            assertThat(connection.seqGaps()).isEqualTo(1);
            // the data after the gap is still good and delivered
            Await.until("data after the gap", WAIT_MS, () -> sink.get("edge9", "speed").asDouble() == 3.0);
        } finally {
            edge.close();
        }
    }

    @Test
    void anUnknownAliasIsQuarantinedAndAsksForRebirth() throws Exception {
        String group = uniq("A");
        connection = start(config(group,
                "device.edge5.format", "sparkplugb",
                "device.edge5.node", group + "/edge5"));
        String base = "spBv1.0/" + group + "/";
        publisher.publish(base + "NBIRTH/edge5", SparkplugCodec.encode(new SparkplugPayload(1, 0, List.of(
                SparkplugMetric.ofDouble("speed", 5, 1.0)))), 1);
        publisher.publish(base + "NDATA/edge5", SparkplugCodec.encode(new SparkplugPayload(2, 1, List.of(
                new SparkplugMetric(null, 99, -1, 0, false, 'd', 0, 2.0, null)))), 1);
        publisher.publish(base + "NDATA/edge5", new byte[] {0x12, 0x7F, 0x01}, 1);
        Await.until("two quarantined", WAIT_MS, () -> quarantine.count("mqtt:" + group) == 2);
        List<QuarantinedPayload> kept = quarantine.list("mqtt:" + group, 2);
        assertThat(kept.get(1).reason()).contains("alias 99");
        assertThat(kept.get(0).reason()).contains("undecodable").contains("offset");
        assertThat(connection.rebirthRequests()).isEqualTo(1);
    }

    @Test
    void qos1MessagesSentWhileTheDriverIsUpdatedAreDeliveredAfterwards() throws Exception {
        String line = uniq("upd");
        Map<String, Object> cfg = config(line,
                "device.press04.format", "json",
                "device.press04.topic", line + "/press04",
                "device.press04.tag.n", "/n long");
        connection = start(cfg);
        // subscribed once, so the broker keeps the persistent session's messages from now on
        MqttConnection first = connection;
        Await.until("subscribed", WAIT_MS,
                () -> first.devices().get(0).status() == io.millwright.api.device.DeviceStatus.ONLINE);
        connection.stop();
        for (int i = 1; i <= 100; i++) {
            publisher.publish(line + "/press04", "{\"n\":" + i + "}", 1);
        }
        connection = start(cfg);
        // a reconnect on a loaded machine may first time out (connectTimeout 10 s) before it succeeds
        Await.until("all 100 after the update", 4 * WAIT_MS, () -> sink.count("press04", "n") == 100,
                () -> sink.count("press04", "n") + " of 100 arrived");
        assertThat(sink.all).extracting(Sample::asLong).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList());
    }

    @Test
    void threadsAreReleasedWhenTheConnectionStops() throws Exception {
        String line = uniq("thr");
        connection = start(config(line,
                "device.press05.format", "json",
                "device.press05.topic", line + "/press05",
                "device.press05.tag.n", "/n long"));
        assertThat(threadsOf(line)).isNotEmpty();
        connection.stop();
        connection = null;
        Await.until("no thread left for " + line, WAIT_MS, () -> threadsOf(line).isEmpty(), () -> threadsOf(line).toString());
    }

    static List<String> threadsOf(String connectionId) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.contains("millwright-" + connectionId) || n.equals("millwright-mqtt-" + connectionId))
                .toList();
    }
}
