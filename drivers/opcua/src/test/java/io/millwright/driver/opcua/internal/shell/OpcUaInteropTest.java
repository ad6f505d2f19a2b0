package io.millwright.driver.opcua.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.device.DeviceStatus;
import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.api.sample.ValueType;
import io.millwright.driver.opcua.internal.client.OpcUaDevice;
import io.millwright.driver.opcua.internal.config.DeviceConfigParser;
import io.millwright.driver.opcua.internal.config.DeviceSettings;
import io.millwright.driver.opcua.internal.pki.Pki;
import io.millwright.driver.support.testing.Await;
import io.millwright.driver.support.testing.RecordingSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver against an OPC UA server that is not Milo: node-opcua's OPCUAServer under node
 * (src/test/interop/opcua-server.js), installed with npm into target/interop (once; later runs
 * reuse it). Security None, anonymous. Runs only with {@code -Pinterop}.
 */
@Tag("interop")
class OpcUaInteropTest {

    /** The newest 2.x whose engines accept node 18/20 (2.183+ want node >= 22.13). */
    private static final String PACKAGE = "node-opcua@2.182.0";
    private static final long WAIT_MS = 20_000;
    private static Process server;
    private static String url;

    @BeforeAll
    static void startServer() throws Exception {
        Path dir = Path.of(System.getProperty("opcua.interop.dir", "target/interop")).toAbsolutePath();
        Path script = Path.of(System.getProperty("opcua.interop.script", "src/test/interop/opcua-server.js")).toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("node_modules/node-opcua"))) {
            Files.createDirectories(dir);
            long t0 = System.nanoTime();
            Process npm = new ProcessBuilder("npm", "install", "--prefix", dir.toString(), PACKAGE, "--no-audit", "--no-fund")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("npm-install.log").toFile()).start();
            assertThat(npm.waitFor(300, TimeUnit.SECONDS)).as("npm install " + PACKAGE + " finished").isTrue();
            assertThat(npm.exitValue()).as("npm install " + PACKAGE + ", see " + dir.resolve("npm-install.log")).isZero();
            System.out.printf("[node-opcua] npm install %s took %d ms%n", PACKAGE, (System.nanoTime() - t0) / 1_000_000);
        }
        int port = freePort();
        url = "opc.tcp://127.0.0.1:" + port + "/interop";
        ProcessBuilder pb = new ProcessBuilder("node", script.toString(), String.valueOf(port), dir.resolve("pki").toString())
                .redirectErrorStream(true).directory(dir.toFile());
        pb.environment().put("NODE_PATH", dir.resolve("node_modules").toString());
        server = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        Thread drain = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    System.out.println("[node-opcua] " + line);
                }
            } catch (IOException e) {
                // the server ended
            }
        }, "node-opcua-output");
        drain.setDaemon(true);
        drain.start();
        // node-opcua makes its certificate on the first start: give it time
        Await.until("node-opcua answering GetEndpoints on " + url, 60_000, OpcUaInteropTest::endpointAnswers);
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            try {
                server.destroy();
                server.waitFor(5, TimeUnit.SECONDS);
            } finally {
                if (server.isAlive()) {
                    server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static boolean endpointAnswers() {
        if (!server.isAlive()) {
            throw new AssertionError("node opcua-server.js exited with " + server.exitValue());
        }
        try {
            return !DiscoveryClient.getEndpoints(url).get(2, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @TempDir
    Path etc;
    private final List<OpcUaDevice> started = new ArrayList<>();

    @AfterEach
    void stopDevices() {
        started.forEach(OpcUaDevice::stop);
    }

    private OpcUaDevice start(RecordingSink sink, String... pairs) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("id", "interop" + started.size());
        p.put("endpointUrl", url);
        p.put("publishingInterval", "100");
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        DeviceSettings settings = new DeviceConfigParser(etc, etc.resolve("pki")).parse(p);
        OpcUaDevice d = new OpcUaDevice(settings, new Pki(settings.pkiDir()), () -> List.of(sink), s -> { });
        started.add(d);
        d.start();
        return d;
    }

    private static final String[] ALL_FOUR = {
        "tag.temperature", "ns=1;s=Interop.Temperature",
        "tag.count", "ns=1;s=Interop.Counter",
        "tag.running", "ns=1;s=Interop.Running",
        "tag.batch", "ns=1;s=Interop.Batch"};

    @Test
    void subscriptionDeliversChangingValuesTypedAsTheServerSendsThem() throws Exception {
        RecordingSink sink = new RecordingSink();
        OpcUaDevice d = start(sink, ALL_FOUR);
        Await.until("ONLINE", WAIT_MS, () -> d.status() == DeviceStatus.ONLINE, d::statusDetail);
        Await.until("10 temperatures and 10 counts", WAIT_MS,
                () -> good(sink, "temperature").size() >= 10 && good(sink, "count").size() >= 10);

        // both change every 100 ms on the server: the subscription brings the changes
        assertThat(distinct(good(sink, "temperature"))).hasSizeGreaterThanOrEqualTo(5);
        List<Sample> counts = good(sink, "count");
        assertThat(distinct(counts)).hasSizeGreaterThanOrEqualTo(5);
        for (int i = 1; i < counts.size(); i++) {
            assertThat(counts.get(i).asLong()).as("counter never goes back").isGreaterThanOrEqualTo(counts.get(i - 1).asLong());
        }
        // Double, UInt32, Boolean, String as tags of type auto
        Sample temperature = sink.get("temperature");
        assertThat(temperature.type()).isEqualTo(ValueType.DOUBLE);
        assertThat(temperature.asDouble()).isBetween(19.0, 21.0);
        Sample count = sink.get("count");
        assertThat(count.type()).isEqualTo(ValueType.LONG);
        assertThat(count.asLong()).isPositive();
        assertThat(sink.get("running").type()).isEqualTo(ValueType.BOOLEAN);
        assertThat(sink.get("running").asBoolean()).isTrue();
        assertThat(sink.get("batch").type()).isEqualTo(ValueType.STRING);
        assertThat(sink.get("batch").asString()).isEqualTo("B-7");
        // node-opcua sends a source timestamp with each change
        assertThat(temperature.sourceTime()).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis() + 60_000);
        assertThat(d.subscriptionCount()).isEqualTo(1);
    }

    @Test
    void explicitTypesConvertTheServersValues() throws Exception {
        RecordingSink sink = new RecordingSink();
        OpcUaDevice d = start(sink, "tag.countD", "ns=1;s=Interop.Counter double", "tag.countS", "ns=1;s=Interop.Counter string",
                "tag.tempL", "ns=1;s=Interop.Temperature long", "tag.runL", "ns=1;s=Interop.Running long");
        Await.until("all four", WAIT_MS, () -> sink.latest.size() == 4 && sink.latest.values().stream().allMatch(Sample::isGood),
                () -> sink.latest.toString());
        assertThat(sink.get("countD").type()).isEqualTo(ValueType.DOUBLE);
        assertThat(sink.get("countS").type()).isEqualTo(ValueType.STRING);
        assertThat(Long.parseLong(sink.get("countS").asString())).isPositive();
        assertThat(sink.get("tempL").type()).isEqualTo(ValueType.LONG);
        assertThat(sink.get("tempL").asLong()).isBetween(19L, 21L);
        assertThat(sink.get("runL").asLong()).isEqualTo(1);
        // two tags on one node share a monitored item
        assertThat(d.plan().nodes()).hasSize(3);
    }

    @Test
    void unknownNodeIsBadWithNodeIdUnknownWhileOthersFlow() throws Exception {
        RecordingSink sink = new RecordingSink();
        OpcUaDevice d = start(sink, "tag.ghost", "ns=1;s=Interop.NoSuchNode", "tag.count", "ns=1;s=Interop.Counter",
                "tag.batch", "ns=1;s=Interop.Batch");
        Await.until("ghost BAD", WAIT_MS, () -> sink.get("ghost") != null && sink.get("ghost").quality() == Quality.BAD,
                d::statusDetail);
        assertThat(sink.get("ghost").qualityReason()).isEqualTo("Bad_NodeIdUnknown");
        Await.until("DEGRADED", WAIT_MS, () -> d.status() == DeviceStatus.DEGRADED, d::statusDetail);
        assertThat(d.statusDetail()).contains("ghost").contains("Bad_NodeIdUnknown");
        int before = good(sink, "count").size();
        Await.until("count keeps flowing", WAIT_MS, () -> good(sink, "count").size() >= before + 5);
        assertThat(sink.get("batch").isGood()).isTrue();
        assertThat(sink.get("ghost").quality()).isEqualTo(Quality.BAD);
    }

    @Test
    void browseListsTheVariables() throws Exception {
        RecordingSink sink = new RecordingSink();
        OpcUaDevice d = start(sink, "tag.batch", "ns=1;s=Interop.Batch");
        Await.until("ONLINE", WAIT_MS, () -> d.status() == DeviceStatus.ONLINE, d::statusDetail);

        String objects = NodeBrowser.browse(d.id(), d.client().orElseThrow(), NodeIds.ObjectsFolder);
        assertThat(objects).contains("Interop").contains("ns=1;s=Interop").contains("Server");

        String folder = NodeBrowser.browse(d.id(), d.client().orElseThrow(), NodeId.parse("ns=1;s=Interop"));
        assertThat(folder).contains("4 children")
                .contains("tag.Temperature = ns=1;s=Interop.Temperature")
                .contains("tag.Counter = ns=1;s=Interop.Counter")
                .contains("tag.Running = ns=1;s=Interop.Running")
                .contains("tag.Batch = ns=1;s=Interop.Batch");
    }

    private static List<Sample> good(RecordingSink sink, String tag) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : sink.of(tag)) {
            if (s.isGood()) {
                out.add(s);
            }
        }
        return out;
    }

    private static Set<String> distinct(List<Sample> samples) {
        Set<String> values = new LinkedHashSet<>();
        samples.forEach(s -> values.add(s.asString()));
        return values;
    }
}
