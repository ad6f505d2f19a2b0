package io.millwright.simulator.opcua.internal;

import io.millwright.api.simulation.testing.TickingMachine;
import io.millwright.api.simulation.testing.TickingPlant;
import static io.millwright.simulator.opcua.internal.OpcUaConfigFixture.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.api.health.HealthFinding.Severity;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpcUaFaceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    /** Shared by the tests, so that the server certificate is made once. */
    @TempDir
    static Path pki;

    private final TickingPlant plant = new TickingPlant();
    private final List<OpcUaClient> clients = new CopyOnWriteArrayList<>();
    private OpcUaFaceComponent face;

    @AfterEach
    void stopAll() {
        for (OpcUaClient c : clients) {
            try {
                c.disconnect();
            } catch (Exception e) {
                // the server may be down already
            }
        }
        if (face != null) {
            face.deactivate();
        }
        plant.close();
    }

    @Test
    void browseFindsAFolderPerMachineWithTypedValuesInNamespace2() throws Exception {
        plant.add("press01", 5);
        plant.add("press02", 5);
        String url = start(Map.of());

        OpcUaClient client = connect(url);
        assertThat(client.readNamespaceTable().get(UShort.valueOf(2))).isEqualTo(MachineNodeIds.NAMESPACE_URI);
        assertThat(UaTestClient.children(client, NodeIds.ObjectsFolder)).contains("Machines");
        assertThat(UaTestClient.children(client, new NodeId(2, "Machines"))).containsExactlyInAnyOrder("press01", "press02");
        assertThat(UaTestClient.children(client, new NodeId(2, "press01"))).containsExactlyInAnyOrder("Running",
                "Faulted", "State", "StateName", "StopCause", "FaultCode", "TotalCount", "RejectCount", "Speed");

        assertThat(value(client, "press01/Running")).isEqualTo(true);
        assertThat(value(client, "press01/Faulted")).isEqualTo(false);
        assertThat(value(client, "press01/State")).isEqualTo(1);
        assertThat(value(client, "press01/StateName")).isEqualTo("RUNNING");
        assertThat(value(client, "press01/StopCause")).isEqualTo(0);
        assertThat(value(client, "press01/FaultCode")).isEqualTo(UShort.valueOf(0));
        assertThat(value(client, "press01/TotalCount")).isInstanceOf(UInteger.class);
        assertThat(value(client, "press01/RejectCount")).isInstanceOf(UInteger.class);
        assertThat(value(client, "press01/Speed")).isInstanceOf(Double.class);
        assertThat(face.folderNodeId("press01")).isEqualTo("ns=2;s=press01");
        assertThat(face.machineIds()).containsExactly("press01", "press02");
    }

    @Test
    void readsFollowTheModelAndCommandsWithSourceTimestamps() throws Exception {
        var machine = plant.add("press03", 5);
        OpcUaClient client = connect(start(Map.of()));

        long first = total(client);
        Poll.until("TotalCount rises as the model ticks", DEADLINE, () -> total(client) > first + 20);
        DataValue read = client.readValue(0, TimestampsToReturn.Both, new NodeId(2, "press03/TotalCount"));
        assertThat(read.getSourceTime()).isNotNull();
        assertThat(read.getSourceTime().getJavaTime()).isBetween(System.currentTimeMillis() - 5_000, System.currentTimeMillis() + 1);

        machine.forceFault(52);
        assertThat(value(client, "press03/FaultCode")).isEqualTo(UShort.valueOf(52));
        assertThat(value(client, "press03/State")).isEqualTo(3);
        assertThat(value(client, "press03/Running")).isEqualTo(false);
    }

    @Test
    void aSubscriptionSeesTheCountersChange() throws Exception {
        plant.add("press04", 5);
        OpcUaClient client = connect(start(Map.of()));

        List<Long> seen = new CopyOnWriteArrayList<>();
        OpcUaSubscription subscription = new OpcUaSubscription(client, 50.0);
        subscription.create();
        OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(new NodeId(2, "press04/TotalCount"));
        item.setSamplingInterval(20);
        item.setDataValueListener((i, v) -> seen.add(((UInteger) v.getValue().getValue()).longValue()));
        subscription.addMonitoredItem(item);
        subscription.synchronizeMonitoredItems();

        Poll.until("several increasing notifications", DEADLINE, () -> seen.size() >= 5);
        assertThat(seen).isSorted();
        assertThat(seen.get(seen.size() - 1)).isGreaterThan(seen.get(0));
    }

    @Test
    void basic256Sha256SignAndEncryptWithAClientThatTrustsTheServerCertificate() throws Exception {
        plant.add("press05", 5);
        String url = start(Map.of("securityPolicies", "Basic256Sha256"));

        OpcUaClient client = UaTestClient.basic256Sha256(url, List.of(UaTestClient.serverCertificate(pki)));
        clients.add(client);
        assertThat(value(client, "press05/Running")).isEqualTo(true);

        assertThatThrownBy(() -> clients.add(UaTestClient.basic256Sha256(url, List.of())))
                .as("a client that does not trust the server's certificate").isInstanceOf(Exception.class);
        assertThatThrownBy(() -> clients.add(UaTestClient.none(url)))
                .as("no unsecured endpoint offered").isInstanceOf(Exception.class);
    }

    @Test
    void withUserAndPasswordOnlyThatUserGetsASession() throws Exception {
        plant.add("press06", 5);
        String url = start(Map.of("allowAnonymous", "false", "user", "demo", "password", "s3cret"));

        OpcUaClient client = UaTestClient.none(url, new UsernameProvider("demo", "s3cret"));
        clients.add(client);
        assertThat(value(client, "press06/Running")).isEqualTo(true);
        assertThatThrownBy(() -> clients.add(UaTestClient.none(url))).as("anonymous").isInstanceOf(Exception.class);
        assertThatThrownBy(() -> clients.add(UaTestClient.none(url, new UsernameProvider("demo", "wrong"))))
                .as("wrong password").isInstanceOf(Exception.class);
    }

    @Test
    void aMachineFolderComesAndGoesWithItsMachine() throws Exception {
        OpcUaClient client = connect(start(Map.of()));
        NodeId machines = new NodeId(2, "Machines");
        assertThat(UaTestClient.children(client, machines)).isEmpty();

        plant.add("late01", 5);
        assertThat(UaTestClient.children(client, machines)).containsExactly("late01");
        assertThat(value(client, "late01/Running")).isEqualTo(true);

        plant.remove("late01");
        assertThat(UaTestClient.children(client, machines)).isEmpty();
        assertThat(client.readValue(0, TimestampsToReturn.Both, new NodeId(2, "late01/Running")).getStatusCode().isBad())
                .isTrue();
    }

    @Test
    void theServerStaysUpWhileThePlantIsAwayAndServesTheMachinesAgainWhenItIsBack() throws Exception {
        plant.add("press09", 5);
        OpcUaClient client = connect(start(Map.of()));
        NodeId machines = new NodeId(2, "Machines");
        assertThat(UaTestClient.children(client, machines)).containsExactly("press09");

        // the simulator bundle is updated: its plant goes, and a new one comes
        face.unbindPlant(plant);
        assertThat(face.isUp()).isTrue();
        assertThat(UaTestClient.children(client, machines)).as("same session, no folders").isEmpty();
        assertThat(face.check()).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));

        try (TickingPlant updated = new TickingPlant()) {
            updated.add("press09", 5);
            face.bindPlant(updated);
            assertThat(UaTestClient.children(client, machines)).containsExactly("press09");
            assertThat(value(client, "press09/Running")).isEqualTo(true);
            assertThat(face.check()).isEmpty();
        }
    }

    @Test
    void aBetterPlantReplacesTheOldOneWithoutLeftovers() throws Exception {
        plant.add("old01", 5);
        OpcUaClient client = connect(start(Map.of()));
        try (TickingPlant better = new TickingPlant()) {
            better.add("new01", 5);
            // a greedy reference binds the better service before it unbinds the old one
            face.bindPlant(better);
            face.unbindPlant(plant);

            assertThat(UaTestClient.children(client, new NodeId(2, "Machines"))).containsExactly("new01");
            plant.add("old02", 5);
            assertThat(face.machineIds()).containsExactly("new01");
        }
    }

    @Test
    void downAndUpOnTheSamePortServesTheMachinesAgain() throws Exception {
        plant.add("press07", 5);
        String url = start(Map.of());
        OpcUaClient before = connect(url);
        long total = total(before, "press07");

        face.setUp(false);
        assertThat(face.isUp()).isFalse();
        assertThat(face.check()).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThatThrownBy(() -> clients.add(UaTestClient.none(url))).as("nobody listening").isInstanceOf(Exception.class);

        face.setUp(true);
        OpcUaClient after = connect(url);
        assertThat(total(after, "press07")).isGreaterThanOrEqualTo(total);
        assertThat(face.check()).isEmpty();
    }

    @Test
    void aTakenPortLeavesTheFaceDownWithTheReason() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            face = new OpcUaFaceComponent();
            face.bindPlant(plant);
            face.configure(config(settings(Map.of("port", String.valueOf(taken.getLocalPort())))), null);

            assertThat(face.isUp()).isFalse();
            assertThat(face.problem()).contains("port " + taken.getLocalPort());
            assertThat(face.check()).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("millwright-sim-opcua"));
    }

    @Test
    void aRefusedFileNamesItsKeyAndServesNothing() {
        face = new OpcUaFaceComponent();
        face.bindPlant(plant);
        face.configure(config(Map.of("securityPolicies", "Basic128Rsa15")), null);

        assertThat(face.isUp()).isFalse();
        assertThat(face.settings()).isEmpty();
        assertThat(face.problem()).contains("securityPolicies = 'Basic128Rsa15'");
        assertThat(face.check()).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void theServerCertificateIsMadeOnceAndKeptInThePkiDirectory() throws Exception {
        start(Map.of());
        Path store = pki.resolve(ServerCertificates.KEY_STORE);
        assertThat(store).exists();
        byte[] first = UaTestClient.serverCertificate(pki).getEncoded();
        long modified = Files.getLastModifiedTime(store).toMillis();

        face.setUp(false);
        face.setUp(true);
        assertThat(UaTestClient.serverCertificate(pki).getEncoded()).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(store).toMillis()).isEqualTo(modified);
    }

    @Test
    void stoppingTheServerEndsEveryThreadItStarted() throws Exception {
        plant.add("press08", 5);
        String url = start(Map.of());
        // warm-up: the client's Milo pools and Milo's shared wheel timer start once per JVM and stay
        OpcUaClient warmUp = connect(url);
        total(warmUp, "press08");
        warmUp.disconnect();
        clients.remove(warmUp);
        face.setUp(false);
        Poll.until("no server threads after the warm-up", DEADLINE, () -> serverThreads().isEmpty());
        Set<Thread> baseline = Set.copyOf(Thread.getAllStackTraces().keySet());

        face.setUp(true);
        OpcUaClient client = connect(url);
        OpcUaSubscription subscription = new OpcUaSubscription(client, 50.0);
        subscription.create();
        total(client, "press08");
        assertThat(serverThreads()).as("the server runs on its own named threads").isNotEmpty();
        client.disconnect();
        clients.remove(client);
        face.setUp(false);

        // an event loop's termination completes just before its thread has run off its end
        Poll.until("no server threads after stop", DEADLINE, () -> serverThreads().isEmpty());
        Poll.until("no thread the server started is left", DEADLINE, () -> startedSince(baseline).isEmpty(),
                () -> startedSince(baseline).toString());
        face.setUp(true);
        assertThat(total(connect(url), "press08")).isPositive();
    }

    /**
     * Threads alive now that were not at {@code baseline}, leaving out the JVM-wide pools the test's
     * client runs on (Milo's shared pools, the common fork-join pool): they grow with the client's
     * load and idle out on their own, whoever started the server.
     */
    private static List<String> startedSince(Set<Thread> baseline) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !baseline.contains(t)).map(Thread::getName)
                .filter(n -> !n.startsWith("milo-") && !n.startsWith("ForkJoinPool.commonPool")).toList();
    }

    private static List<String> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("millwright-sim-opcua")).toList();
    }

    private String start(Map<String, String> values) throws Exception {
        face = new OpcUaFaceComponent();
        face.bindPlant(plant);
        face.configure(config(settings(values)), null);
        assertThat(face.isUp()).as("OPC UA face up: %s", face.problem()).isTrue();
        return face.settings().orElseThrow().endpointUrl();
    }

    private static Map<String, String> settings(Map<String, String> values) throws Exception {
        Map<String, String> all = new HashMap<>();
        all.put("port", String.valueOf(Poll.freePort()));
        all.put("pkiDir", pki.toString());
        all.putAll(values);
        return all;
    }

    private OpcUaClient connect(String url) throws Exception {
        OpcUaClient client = UaTestClient.none(url);
        clients.add(client);
        return client;
    }

    private static Object value(OpcUaClient client, String identifier) throws Exception {
        DataValue v = client.readValue(0, TimestampsToReturn.Both, new NodeId(2, identifier));
        assertThat(v.getStatusCode().isGood()).as("%s read: %s", identifier, v.getStatusCode()).isTrue();
        return v.getValue().getValue();
    }

    private static long total(OpcUaClient client) {
        return total(client, "press03");
    }

    private static long total(OpcUaClient client, String machine) {
        try {
            return ((UInteger) value(client, machine + "/TotalCount")).longValue();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
