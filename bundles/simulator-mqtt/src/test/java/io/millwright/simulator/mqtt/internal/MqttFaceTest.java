package io.millwright.simulator.mqtt.internal;

import io.millwright.api.simulation.testing.TickingMachine;
import io.millwright.api.simulation.testing.TickingPlant;
import static io.millwright.simulator.mqtt.internal.MqttFaceConfigFixture.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.health.HealthFinding.Severity;
import io.millwright.driver.support.sparkplug.DataType;
import io.millwright.driver.support.sparkplug.SparkplugCodec;
import io.millwright.driver.support.sparkplug.SparkplugMetric;
import io.millwright.driver.support.sparkplug.SparkplugPayload;
import io.millwright.simulator.mqtt.internal.TestSubscriber.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The face against an embedded Moquette broker, read by a real Paho subscriber and decoded with the shared codec. */
class MqttFaceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final String NODE = "spBv1.0/Millwright/";
    private static final Pattern TOTAL = Pattern.compile("\"totalCount\":(\\d+)");
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** One for all tests: Moquette takes 2 s to stop. Tests that stop it start it again. */
    private static TestBroker broker;

    private final TickingPlant plant = new TickingPlant();
    private final String clientId = "sim-test-" + CLIENTS.incrementAndGet();
    private TestSubscriber subscriber;
    private MqttFaceComponent face;

    @BeforeAll
    static void createBroker() throws Exception {
        broker = new TestBroker();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void subscribe() throws Exception {
        broker.ensureStarted();
        subscriber = new TestSubscriber(broker.uri());
    }

    @AfterEach
    void stopAll() throws Exception {
        if (face != null) {
            face.deactivate();
        }
        plant.close();
        subscriber.close();
    }

    @Test
    void jsonMessagesCarryIncreasingTotalsAtMostOncePerInterval() throws Exception {
        plant.add("press01", 5);
        plant.add("press02", 5);
        long started = System.nanoTime();
        start(Map.of("format", "json", "publishIntervalMs", "250"));

        Poll.until("8 JSON messages of press01", DEADLINE, () -> json("press01").size() >= 8);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        List<Received> messages = json("press01");

        List<Long> totals = messages.stream().map(MqttFaceTest::total).toList();
        assertThat(totals).as("a change every cycle, published increasing").doesNotHaveDuplicates().isSorted();
        assertThat(messages.size()).as("at most one per 250 ms in %d ms", elapsedMs).isLessThanOrEqualTo(
                (int) (elapsedMs / 250) + 2);
        assertThat(messages.get(0).text()).matches("\\{\"ts\":\\d+,\"running\":true,\"faulted\":false,\"state\":1,"
                + "\"stateName\":\"RUNNING\",\"stopCause\":0,\"faultCode\":0,\"totalCount\":\\d+,\"rejectCount\":\\d+,"
                + "\"speed\":12000\\.0\\}");
        assertThat(json("press02")).isNotEmpty();
        assertThat(subscriber.matching(t -> t.startsWith("spBv1.0/"))).as("no Sparkplug B with format json").isEmpty();
        assertThat(face.check()).isEmpty();
    }

    @Test
    void aQuietMachineIsPublishedAgainEveryRefreshMs() throws Exception {
        TickingMachine machine = plant.add("press01", 5);
        start(Map.of("format", "both", "publishIntervalMs", "50", "refreshMs", "400"));
        machine.forceFault(52);
        Poll.until("the fault published", DEADLINE,
                () -> json("press01").stream().anyMatch(r -> r.text().contains("\"faultCode\":52")));
        int before = json("press01").size();
        int ddataBefore = node("DDATA/simulator/press01").size();

        Thread.sleep(1_300);

        assertThat(json("press01").size() - before).as("refreshes of an unchanged machine").isBetween(2, 4);
        List<Received> ddata = node("DDATA/simulator/press01");
        assertThat(ddata.size() - ddataBefore).isBetween(2, 4);
        assertThat(ddata.get(ddata.size() - 1).sparkplug().metrics()).as("a refresh carries every metric").hasSize(8);
    }

    @Test
    void sparkplugBirthsAndDataDecodeWithAliasesAndAnUnbrokenSeq() throws Exception {
        plant.add("press01", 2);
        plant.add("press02", 2);
        plant.add("press03", 2);
        start(Map.of("format", "sparkplug", "publishIntervalMs", "20"));

        // three machines changing every 20 ms: seq wraps after 255 within a couple of seconds
        Poll.until("300 messages of the node", Duration.ofSeconds(20), () -> node("").size() >= 300);
        List<Received> messages = node("");

        Received nbirth = messages.get(0);
        assertThat(nbirth.topic()).isEqualTo(NODE + "NBIRTH/simulator");
        SparkplugPayload birth = nbirth.sparkplug();
        assertThat(birth.seq()).isZero();
        assertThat(birth.metrics()).extracting(SparkplugMetric::name).containsExactly("bdSeq", "Node Control/Rebirth");
        assertThat(birth.metrics().get(0).longValue()).isZero();
        assertSeqUnbroken(messages);

        Map<String, Map<Long, String>> aliases = new HashMap<>();
        Set<Long> allAliases = new HashSet<>();
        Map<String, Long> lastTotal = new HashMap<>();
        for (Received r : messages.subList(1, messages.size())) {
            String[] levels = r.topic().split("/");
            String type = levels[2];
            String machine = levels[4];
            SparkplugPayload p = r.sparkplug();
            if (type.equals("DBIRTH")) {
                assertThat(aliases).as("one DBIRTH per machine").doesNotContainKey(machine);
                assertThat(p.metrics()).extracting(SparkplugMetric::name).containsExactly("Running", "Faulted", "State",
                        "StopCause", "FaultCode", "TotalCount", "RejectCount", "Speed");
                assertThat(p.metrics()).extracting(SparkplugMetric::dataType).contains(DataType.UINT32, DataType.DOUBLE);
                Map<Long, String> byAlias = new HashMap<>();
                p.metrics().forEach(m -> {
                    byAlias.put(m.alias(), m.name());
                    assertThat(allAliases.add(m.alias())).as("alias %d unique across the node", m.alias()).isTrue();
                });
                aliases.put(machine, byAlias);
            } else {
                assertThat(type).isEqualTo("DDATA");
                assertThat(aliases).as("%s born before its data", machine).containsKey(machine);
                for (SparkplugMetric m : p.metrics()) {
                    assertThat(m.name()).as("by alias only").isNull();
                    assertThat(aliases.get(machine)).containsKey(m.alias());
                    if (aliases.get(machine).get(m.alias()).equals("TotalCount")) {
                        assertThat(m.longValue()).as("TotalCount of %s", machine)
                                .isGreaterThan(lastTotal.getOrDefault(machine, -1L));
                        lastTotal.put(machine, m.longValue());
                    }
                }
            }
        }
        assertThat(aliases).containsOnlyKeys("press01", "press02", "press03");
        assertThat(lastTotal).containsOnlyKeys("press01", "press02", "press03");
        assertThat(subscriber.matching(t -> t.startsWith("millwright/sim"))).as("no JSON with format sparkplug").isEmpty();
    }

    @Test
    void aRebirthRequestRepublishesTheNbirthAndEveryDbirth() throws Exception {
        plant.add("press01", 5);
        plant.add("press02", 5);
        start(Map.of("publishIntervalMs", "50"));
        Poll.until("data of both machines", DEADLINE, () -> node("DDATA/simulator/press01").size() >= 2
                && node("DDATA/simulator/press02").size() >= 2);

        // as the MQTT driver asks, when it sees a gap
        subscriber.publish(NODE + "NCMD/simulator", SparkplugCodec.encode(new SparkplugPayload(System.currentTimeMillis(),
                -1, List.of(new SparkplugMetric("Node Control/Rebirth", -1, -1, DataType.BOOLEAN, false, 'b', 1, 0, null)))));

        Poll.until("a second NBIRTH and its DBIRTHs", DEADLINE, () -> node("NBIRTH").size() == 2
                && node("DBIRTH").size() == 4);
        List<Received> messages = node("");
        int rebirth = indexOfLast(messages, NODE + "NBIRTH/simulator");
        SparkplugPayload second = messages.get(rebirth).sparkplug();
        assertThat(second.seq()).isZero();
        assertThat(second.metrics().get(0).longValue()).as("same connection, same bdSeq")
                .isEqualTo(node("NBIRTH").get(0).sparkplug().metrics().get(0).longValue());
        Poll.until("data after the rebirth", DEADLINE, () -> node("").size() > rebirth + 6);
        List<Received> after = node("").subList(rebirth, node("").size());
        assertThat(after.subList(1, 3)).extracting(Received::topic).containsExactlyInAnyOrder(
                NODE + "DBIRTH/simulator/press01", NODE + "DBIRTH/simulator/press02");
        assertSeqUnbroken(after);
    }

    @Test
    void aMachineRemovedDiesAndOneAddedIsBornWithItsOwnAliases() throws Exception {
        plant.add("press01", 5);
        plant.add("press02", 5);
        start(Map.of("format", "sparkplug", "publishIntervalMs", "50"));
        Poll.until("both born", DEADLINE, () -> node("DBIRTH").size() == 2);

        plant.remove("press02");
        Poll.until("DDEATH of press02", DEADLINE, () -> !node("DDEATH/simulator/press02").isEmpty());
        plant.add("press03", 5);
        Poll.until("DBIRTH of press03", DEADLINE, () -> !node("DBIRTH/simulator/press03").isEmpty());
        Poll.until("data of press03", DEADLINE, () -> !node("DDATA/simulator/press03").isEmpty());

        List<Received> messages = node("");
        assertSeqUnbroken(messages);
        int death = indexOfLast(messages, NODE + "DDEATH/simulator/press02");
        assertThat(messages.subList(death + 1, messages.size())).extracting(Received::topic)
                .noneMatch(t -> t.endsWith("/press02"));
        Set<Long> press01 = aliases(node("DBIRTH/simulator/press01").get(0));
        Set<Long> press03 = aliases(node("DBIRTH/simulator/press03").get(0));
        assertThat(press03).doesNotContainAnyElementsOf(press01);
        assertThat(face.machineIds()).containsExactly("press01", "press03");
    }

    @Test
    void theFaceReconnectsAfterTheBrokerRestartsWithANewBdSeq() throws Exception {
        plant.add("press01", 5);
        start(Map.of("publishIntervalMs", "50", "reconnectMaxDelayMs", "500"));
        Poll.until("JSON before the restart", DEADLINE, () -> json("press01").size() >= 3);
        long before = total(json("press01").get(json("press01").size() - 1));
        int subscribed = subscriber.subscriptions();

        broker.stop();
        Poll.until("the face sees the broker gone", DEADLINE, () -> !face.isConnected());
        assertThat(face.check()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).startsWith("not connected: ").contains(broker.uri());
        });
        Thread.sleep(600);
        broker.start();

        Poll.until("the face back on the broker", DEADLINE, () -> face.isConnected());
        Poll.until("the subscriber back on the broker", DEADLINE, () -> subscriber.subscriptions() > subscribed);
        int seen = json("press01").size();
        Poll.until("JSON after the restart", DEADLINE, () -> json("press01").size() >= seen + 3);
        assertThat(total(json("press01").get(json("press01").size() - 1))).isGreaterThan(before);
        assertThat(face.check()).isEmpty();

        // the births after the reconnect went out before the subscriber was back: ask again
        subscriber.publish(NODE + "NCMD/simulator", SparkplugCodec.encode(new SparkplugPayload(-1, -1,
                List.of(SparkplugMetric.ofBoolean("Node Control/Rebirth", -1, true)))));
        Poll.until("the NBIRTH of the new connection", DEADLINE, () -> node("NBIRTH").size() >= 2);
        assertThat(bdSeq(node("NBIRTH").get(node("NBIRTH").size() - 1))).as("a new connection, a new bdSeq")
                .isGreaterThan(bdSeq(node("NBIRTH").get(0)));
    }

    @Test
    void goingDownPublishesAnNdeathWithTheBirthsBdSeqAndComingUpBirthsAgainWithTheNext() throws Exception {
        plant.add("press01", 5);
        start(Map.of("publishIntervalMs", "50"));
        Poll.until("born", DEADLINE, () -> !node("DBIRTH").isEmpty());
        long messages = face.messagesPublished();
        assertThat(messages).isPositive();

        face.setUp(false);
        Poll.until("NDEATH", DEADLINE, () -> !node("NDEATH").isEmpty());
        assertThat(node("NDEATH").get(0).sparkplug().seq()).as("no seq in a death").isEqualTo(-1);
        assertThat(bdSeq(node("NDEATH").get(0))).isEqualTo(bdSeq(node("NBIRTH").get(0)));
        assertThat(face.isDown()).isTrue();
        assertThat(face.check()).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        int seen = json("press01").size();
        Thread.sleep(300);
        assertThat(json("press01")).as("nothing while down").hasSize(seen);

        face.setUp(true);
        Poll.until("born again", DEADLINE, () -> node("NBIRTH").size() == 2 && node("DBIRTH").size() == 2);
        assertThat(bdSeq(node("NBIRTH").get(1))).isEqualTo(bdSeq(node("NBIRTH").get(0)) + 1);
        Poll.until("JSON again", DEADLINE, () -> json("press01").size() > seen);
    }

    @Test
    void thePlantGoingAwayKillsEveryDeviceAndItsReturnBirthsThemAgain() throws Exception {
        plant.add("press01", 5);
        plant.add("press02", 5);
        start(Map.of("format", "sparkplug", "publishIntervalMs", "50"));
        Poll.until("both born", DEADLINE, () -> node("DBIRTH").size() == 2);

        // the simulator bundle is updated: its plant goes, and a new one comes
        face.unbindPlant(plant);
        Poll.until("both dead", DEADLINE, () -> node("DDEATH").size() == 2);
        assertThat(face.isConnected()).isTrue();
        assertThat(face.check()).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));

        try (TickingPlant updated = new TickingPlant()) {
            updated.add("press01", 5);
            face.bindPlant(updated);
            Poll.until("press01 born again", DEADLINE, () -> node("DBIRTH/simulator/press01").size() == 2);
            assertThat(face.check()).isEmpty();
            assertSeqUnbroken(node(""));
            face.deactivate();
            face = null;
        }
    }

    @Test
    void aRefusedFileNamesItsKeyAndPublishesNothing() throws Exception {
        for (Map<String, String> values : List.of(Map.of("format", "xml"), Map.of("qos", "3"))) {
            String key = values.keySet().iterator().next();
            MqttFaceComponent refused = new MqttFaceComponent();
            refused.bindPlant(plant);
            refused.activate(config(settings(values)));

            assertThat(refused.settings()).isEmpty();
            assertThat(refused.isConnected()).isFalse();
            assertThat(refused.problem()).contains("io.millwright.simulator.mqtt.cfg refused: " + key + " = '" + values.get(key) + "'");
            assertThat(refused.check()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.message()).contains(key);
            });
            refused.deactivate();
        }
        plant.add("press01", 5);
        Thread.sleep(300);
        assertThat(subscriber.all()).isEmpty();
    }

    @Test
    void aBrokerThatIsNotThereIsReportedWithTheReason() throws Exception {
        broker.stop();
        face = new MqttFaceComponent();
        face.bindPlant(plant);
        face.activate(config(settings(Map.of("reconnectMaxDelayMs", "200"))));

        Poll.until("a failed attempt", DEADLINE, () -> face.problem().startsWith("cannot connect"));
        assertThat(face.isConnected()).isFalse();
        assertThat(face.check()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("cannot connect to " + broker.uri());
        });
        broker.start();
        Poll.until("connected once the broker is there", DEADLINE, () -> face.isConnected());
    }

    @Test
    void stoppingTheFaceEndsEveryThreadItStarted() throws Exception {
        plant.add("press01", 5);
        start(Map.of("publishIntervalMs", "50"));
        Poll.until("publishing", DEADLINE, () -> !json("press01").isEmpty());
        assertThat(faceThreads()).as("its own thread and Paho's for its client").isNotEmpty();

        face.deactivate();
        face = null;

        Poll.until("no thread of the face left: " + faceThreads(), DEADLINE, () -> faceThreads().isEmpty());
    }

    private List<String> faceThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("millwright-sim-mqtt") || n.contains(clientId)).toList();
    }

    private void start(Map<String, String> values) throws Exception {
        face = new MqttFaceComponent();
        face.bindPlant(plant);
        face.activate(config(settings(values)));
        Poll.until("connected: " + face.problem(), DEADLINE, () -> face.isConnected());
    }

    private Map<String, String> settings(Map<String, String> values) {
        Map<String, String> all = new HashMap<>();
        all.put("brokerUri", broker.uri());
        all.put("clientId", clientId);
        all.putAll(values);
        return all;
    }

    private List<Received> json(String machine) {
        return subscriber.matching(t -> t.equals("millwright/sim/" + machine));
    }

    /** The node's messages whose topic continues with {@code rest} after {@code spBv1.0/Millwright/}, NCMD excepted. */
    private List<Received> node(String rest) {
        return subscriber.matching(t -> t.startsWith(NODE + rest) && !t.startsWith(NODE + "NCMD"));
    }

    /** Every message after the last NBIRTH follows the one before it, wrapping after 255. */
    private static void assertSeqUnbroken(List<Received> messages) {
        long previous = -1;
        List<String> gaps = new ArrayList<>();
        for (Received r : messages) {
            if (r.topic().contains("/NDEATH/")) {
                continue;
            }
            long seq = r.sparkplug().seq();
            if (r.topic().contains("/NBIRTH/")) {
                assertThat(seq).isZero();
            } else if (previous >= 0 && seq != (previous + 1) % 256) {
                gaps.add(r.topic() + " seq " + seq + " after " + previous);
            }
            previous = seq;
        }
        assertThat(gaps).isEmpty();
    }

    private static int indexOfLast(List<Received> messages, String topic) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).topic().equals(topic)) {
                return i;
            }
        }
        throw new AssertionError("no message on " + topic);
    }

    private static Set<Long> aliases(Received birth) {
        Set<Long> aliases = new HashSet<>();
        birth.sparkplug().metrics().forEach(m -> aliases.add(m.alias()));
        return aliases;
    }

    private static long bdSeq(Received nodeMessage) {
        return nodeMessage.sparkplug().metrics().stream().filter(m -> "bdSeq".equals(m.name())).findFirst()
                .orElseThrow().longValue();
    }

    private static long total(Received json) {
        Matcher m = TOTAL.matcher(json.text());
        assertThat(m.find()).as("totalCount in %s", json.text()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
