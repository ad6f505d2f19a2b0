package io.millwright.driver.opcua.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.device.DeviceStatus;
import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.driver.opcua.internal.TestServer;
import io.millwright.driver.opcua.internal.config.DeviceConfigParser;
import io.millwright.driver.opcua.internal.config.DeviceSettings;
import io.millwright.driver.opcua.internal.pki.Pki;
import io.millwright.driver.support.testing.Await;
import io.millwright.driver.support.testing.RecordingSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device against Milo's own server: subscriptions, polling fallback, BAD tags, logins, splitting, threads. */
class OpcUaDeviceTest {

    private static final long WAIT = 15_000;
    private static TestServer server;
    /** The user the server trusts, and a second one it does not. */
    private static KeyPair userKey;
    private static X509Certificate userCert;
    private static KeyPair strangerKey;
    private static X509Certificate strangerCert;

    @TempDir
    Path dir;
    private final List<OpcUaDevice> started = new ArrayList<>();
    private final List<DeviceStatus> statuses = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("Counter", 1);
        vars.put("Speed", 10.0);
        vars.put("Running", true);
        vars.put("Batch", "A-1");
        vars.put("Unmonitorable", 7);
        userKey = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        userCert = new SelfSignedCertificateBuilder(userKey).setCommonName("millwright-line1").build();
        strangerKey = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        strangerCert = new SelfSignedCertificateBuilder(strangerKey).setCommonName("someone-else").build();
        server = new TestServer(vars).trustUserCertificate(userCert).start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @AfterEach
    void stopDevices() {
        started.forEach(OpcUaDevice::stop);
    }

    private OpcUaDevice start(Map<String, String> extra, RecordingSink sink) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("id", "dev" + started.size());
        p.put("endpointUrl", server.url());
        p.put("publishingInterval", "50");
        p.putAll(extra);
        DeviceSettings settings = new DeviceConfigParser(dir, dir.resolve("pki")).parse(p);
        OpcUaDevice d = new OpcUaDevice(settings, new Pki(settings.pkiDir()), () -> List.of(sink), statuses::add);
        started.add(d);
        d.start();
        return d;
    }

    @Test
    void subscriptionDeliversChangesAndTwoTagsOnOneNodeShareAnItem() throws Exception {
        RecordingSink sink = new RecordingSink();
        int itemsBefore = server.monitoredItems();
        OpcUaDevice d = start(Map.of("tag.count", "ns=2;s=Counter long", "tag.countAgain", "ns=2;s=Counter double",
                "tag.speed", "ns=2;s=Speed double sampling=20", "tag.running", "ns=2;s=Running", "tag.batch", "ns=2;s=Batch"),
                sink);
        Await.until("ONLINE", WAIT, () -> d.status() == DeviceStatus.ONLINE, d::statusDetail);
        // ONLINE comes with the session; the items are created right after it
        Await.until("items created", WAIT, () -> server.monitoredItems() - itemsBefore >= 4,
                () -> (server.monitoredItems() - itemsBefore) + " items");
        server.set("Counter", 42);
        server.set("Speed", 12.5);
        Await.until("counter 42 on both tags", WAIT, () -> has(sink, "count", "42") && has(sink, "countAgain", "42.0"));
        Await.until("speed 12.5", WAIT, () -> has(sink, "speed", "12.5"));
        assertThat(sink.get("running").asBoolean()).isTrue();
        assertThat(sink.get("batch").asString()).isEqualTo("A-1");
        assertThat(d.tags()).extracting(t -> t.name()).contains("count", "countAgain", "speed");
        assertThat(server.monitoredItems() - itemsBefore).as("one item per node, five tags on four nodes").isEqualTo(4);
    }

    @Test
    void aLateInactiveNotificationDoesNotLeaveAnActiveSessionOffline() throws Exception {
        RecordingSink sink = new RecordingSink();
        OpcUaDevice d = start(Map.of("tag.count", "ns=2;s=Counter long"), sink);
        Await.until("ONLINE", WAIT, () -> d.status() == DeviceStatus.ONLINE, d::statusDetail);

        // Milo hands notifications to a pool of two threads: after a quick reconnect, "inactive"
        // can be handled after the "active" that followed it, while the session is active again
        d.sessionFollower().onSessionInactive(null);

        Thread.sleep(1_500);
        assertThat(d.status()).as(d.statusDetail()).isEqualTo(DeviceStatus.ONLINE);
        long samples = d.samplesDelivered();
        server.set("Counter", 4242);
        Await.until("data still flows", WAIT, () -> has(sink, "count", "4242"));
        assertThat(d.samplesDelivered()).isGreaterThan(samples);
        assertThat(d.reconnectCount()).as("no reconnect happened").isZero();
    }

    @Test
    void nodeThatCannotBeMonitoredIsPolledAtItsSamplingInterval() throws Exception {
        RecordingSink sink = new RecordingSink();
        OpcUaDevice d = start(Map.of("tag.odd", "ns=2;s=Unmonitorable long sampling=50"), sink);
        Await.until("first polled value", WAIT, () -> has(sink, "odd", "7"), d::statusDetail);
        server.set("Unmonitorable", 8);
        Await.until("polled change", WAIT, () -> has(sink, "odd", "8"));
        assertThat(d.plan().nodes().get(0).mode()).isEqualTo(MonitoredNode.Mode.POLLED);
        assertThat(d.status()).isEqualTo(DeviceStatus.ONLINE);
    }

    @Test
    void unknownNodeIsBadByStatusNameWhileOthersFlow() throws Exception {
        RecordingSink sink = new RecordingSink();
        OpcUaDevice d = start(Map.of("tag.ghost", "ns=2;s=NoSuchNode", "tag.count", "ns=2;s=Counter"), sink);
        Await.until("ghost BAD", WAIT, () -> sink.get("ghost") != null && sink.get("ghost").quality() == Quality.BAD,
                d::statusDetail);
        assertThat(sink.get("ghost").qualityReason()).isEqualTo("Bad_NodeIdUnknown");
        Await.until("DEGRADED", WAIT, () -> d.status() == DeviceStatus.DEGRADED);
        assertThat(d.statusDetail()).contains("ghost").contains("Bad_NodeIdUnknown");
        server.set("Counter", 99);
        Await.until("count flows", WAIT, () -> has(sink, "count", "99"));
    }

    @Test
    void userNameLoginWorksWithTheRightPasswordOnly() throws Exception {
        RecordingSink good = new RecordingSink();
        OpcUaDevice ok = start(Map.of("identity", "username", "username", TestServer.USER, "password", TestServer.PASSWORD,
                "tag.count", "ns=2;s=Counter"), good);
        Await.until("ONLINE with the right password", WAIT, () -> ok.status() == DeviceStatus.ONLINE, ok::statusDetail);

        RecordingSink bad = new RecordingSink();
        OpcUaDevice refused = start(Map.of("identity", "username", "username", TestServer.USER, "password", "wrong",
                "tag.count", "ns=2;s=Counter"), bad);
        Await.until("OFFLINE with a wrong password", WAIT, () -> refused.status() == DeviceStatus.OFFLINE);
        assertThat(refused.statusDetail()).contains("Bad_UserAccessDenied").doesNotContain("wrong");
        // the status turns before the BAD samples reach the sink
        Await.until("count BAD", WAIT, () -> bad.get("count") != null && bad.get("count").quality() == Quality.BAD);
    }

    @Test
    void x509UserCertificateTheServerTrustsLogsInAndDeliversGoodValues() throws Exception {
        writePem(dir.resolve("opcua/user-cert.pem"), "CERTIFICATE", userCert.getEncoded());
        writePem(dir.resolve("opcua/user-key.pem"), "PRIVATE KEY", userKey.getPrivate().getEncoded());
        RecordingSink sink = new RecordingSink();
        OpcUaDevice d = start(Map.of("identity", "x509", "userCertificate", "opcua/user-cert.pem",
                "userPrivateKey", "opcua/user-key.pem", "tag.batch", "ns=2;s=Batch"), sink);
        Await.until("ONLINE with the trusted user certificate", WAIT, () -> d.status() == DeviceStatus.ONLINE,
                d::statusDetail);
        Await.until("batch GOOD", WAIT, () -> has(sink, "batch", "A-1"), d::statusDetail);
    }

    @Test
    void untrustedUserCertificateStaysOfflineNamingTheRefusalWithoutTheKey() throws Exception {
        // DER this time: the refusal below (not a parse error) shows DER is read as well as PEM
        Files.createDirectories(dir.resolve("opcua"));
        Files.write(dir.resolve("opcua/stranger-cert.der"), strangerCert.getEncoded());
        String keyPem = writePem(dir.resolve("opcua/stranger-key.pem"), "PRIVATE KEY",
                strangerKey.getPrivate().getEncoded());
        RecordingSink sink = new RecordingSink();
        OpcUaDevice refused = start(Map.of("identity", "x509", "userCertificate", "opcua/stranger-cert.der",
                "userPrivateKey", "opcua/stranger-key.pem", "tag.count", "ns=2;s=Counter"), sink);
        Await.until("OFFLINE with an untrusted user certificate", WAIT, () -> refused.status() == DeviceStatus.OFFLINE
                && refused.statusDetail().contains("Bad_"), refused::statusDetail);
        assertThat(refused.statusDetail()).contains("Bad_IdentityTokenRejected");
        Await.until("count BAD", WAIT, () -> sink.get("count") != null && sink.get("count").quality() == Quality.BAD);
        // the OFFLINE warning logs this same detail; no line of the key file may be in it nor in the BAD samples
        List<String> shown = List.of(refused.statusDetail(), sink.get("count").qualityReason());
        for (String line : keyPem.split("\n")) {
            if (line.length() >= 16) {
                assertThat(shown).noneMatch(text -> text.contains(line));
            }
        }
    }

    @Test
    void trustedUserCertificateWithAnotherKeyIsRefused() throws Exception {
        // the token is signed: the certificate alone does not log in, so the driver really signs with userPrivateKey
        writePem(dir.resolve("user-cert.pem"), "CERTIFICATE", userCert.getEncoded());
        writePem(dir.resolve("stranger-key.pem"), "PRIVATE KEY", strangerKey.getPrivate().getEncoded());
        OpcUaDevice d = start(Map.of("identity", "x509", "userCertificate", "user-cert.pem",
                "userPrivateKey", "stranger-key.pem", "tag.count", "ns=2;s=Counter"), new RecordingSink());
        Await.until("OFFLINE with a key that does not match", WAIT, () -> d.status() == DeviceStatus.OFFLINE
                && d.statusDetail().contains("Bad_"), d::statusDetail);
        assertThat(d.statusDetail()).contains("Bad_IdentityTokenInvalid");
    }

    @Test
    void itemsAreSplitSoNoSubscriptionExceedsTheMaximum() throws Exception {
        Map<String, Object> vars = new LinkedHashMap<>();
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < 2500; i++) {
            vars.put("V" + i, i);
            tags.put("tag.v" + i, "ns=2;s=V" + i);
        }
        try (TestServer big = new TestServer(vars).start()) {
            RecordingSink sink = new RecordingSink();
            Map<String, String> p = new HashMap<>(tags);
            p.put("endpointUrl", big.url());
            p.put("maxItemsPerSubscription", "1000");
            OpcUaDevice d = start(p, sink);
            Await.until("ONLINE", 30_000, () -> d.status() == DeviceStatus.ONLINE, d::statusDetail);
            // values of every tag mean every subscription and item exists (ONLINE comes with the session)
            Await.until("all 2500 tags delivered", WAIT, () -> sink.latest.size() == 2500);
            assertThat(d.subscriptionCount()).isEqualTo(3);
            assertThat(d.plan().groups()).extracting(List::size).containsExactly(1000, 1000, 500);
            assertThat(big.subscriptions()).isEqualTo(3);
            assertThat(big.monitoredItems()).isEqualTo(2500);
            d.stop();
        }
    }

    @Test
    void stopEndsEveryThreadTheDeviceStarted() throws Exception {
        RecordingSink sink = new RecordingSink();
        OpcUaDevice d = start(Map.of("id", "threads1", "tag.count", "ns=2;s=Counter"), sink);
        Await.until("ONLINE", WAIT, () -> d.status() == DeviceStatus.ONLINE, d::statusDetail);
        assertThat(threads("millwright-opcua-threads1")).isNotEmpty();
        d.stop();
        Await.until("threads gone", 5_000, () -> threads("millwright-opcua-threads1").isEmpty(),
                () -> threads("millwright-opcua-threads1").toString());
    }

    @Test
    void serverRestartResumesValuesWithoutDuplicates() throws Exception {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("Counter", 1);
        try (TestServer s = new TestServer(vars).start()) {
            RecordingSink sink = new RecordingSink();
            OpcUaDevice d = start(Map.of("endpointUrl", s.url(), "tag.count", "ns=2;s=Counter", "reconnectMaxDelay", "500"),
                    sink);
            Await.until("ONLINE", WAIT, () -> d.status() == DeviceStatus.ONLINE, d::statusDetail);
            s.set("Counter", 2);
            Await.until("2", WAIT, () -> has(sink, "count", "2"));
            s.stop();
            Await.until("OFFLINE with a BAD sample", WAIT, () -> d.status() == DeviceStatus.OFFLINE
                    && sink.get("count").quality() == Quality.BAD);
            s.start();
            Await.until("back ONLINE by itself", 30_000, () -> d.status() == DeviceStatus.ONLINE, d::statusDetail);
            s.set("Counter", 3);
            Await.until("3 after the restart", WAIT, () -> has(sink, "count", "3"));
            s.set("Counter", 4);
            Await.until("4", WAIT, () -> has(sink, "count", "4"));
            Set<String> seen = new HashSet<>();
            for (Sample x : sink.of("count")) {
                if (x.isGood()) {
                    assertThat(seen.add(x.sourceTime() + "/" + x.asString())).as("duplicate " + x).isTrue();
                }
            }
            assertThat(d.reconnectCount()).isGreaterThanOrEqualTo(1);
        }
    }

    /** Writes DER bytes as PEM (64-column base64), as openssl does; returns the text. */
    static String writePem(Path file, String label, byte[] der) throws Exception {
        String pem = "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        return pem;
    }

    static boolean has(RecordingSink sink, String tag, String value) {
        Sample s = sink.get(tag);
        return s != null && s.isGood() && value.equals(s.asString());
    }

    static List<String> threads(String prefix) {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith(prefix)) {
                names.add(t.getName());
            }
        }
        return names;
    }
}
