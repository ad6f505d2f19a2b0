package io.millwright.driver.opcua.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.device.DeviceStatus;
import io.millwright.driver.opcua.internal.OpcUaDevices;
import io.millwright.driver.opcua.internal.TestServer;
import io.millwright.driver.opcua.internal.client.OpcUaDevice;
import io.millwright.driver.opcua.internal.config.DeviceConfigParser;
import io.millwright.driver.opcua.internal.config.DeviceSettings;
import io.millwright.driver.opcua.internal.pki.PemFiles;
import io.millwright.driver.opcua.internal.pki.Pki;
import io.millwright.driver.support.testing.Await;
import io.millwright.driver.support.testing.RecordingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic256Sha256 with an untrusted then trusted server certificate, trust on first use, and the shell commands. */
class SecurityAndCertsTest {

    private static TestServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = new TestServer(Map.of("Counter", 5)).start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private DeviceSettings settings(String id, Map<String, String> extra) throws Exception {
        Map<String, Object> p = new HashMap<>(Map.of("id", id, "endpointUrl", server.url(), "securityPolicy",
                "Basic256Sha256", "securityMode", "SignAndEncrypt", "tag.count", "ns=2;s=Counter",
                "reconnectMaxDelay", "300", "publishingInterval", "50"));
        p.putAll(extra);
        return new DeviceConfigParser(dir, dir.resolve("pki")).parse(p);
    }

    @Test
    void untrustedServerIsRejectedUntilTrustedWithTheCommand() throws Exception {
        OpcUaDevices devices = new OpcUaDevices();
        DeviceSettings s = settings("secure1", Map.of());
        Pki pki = devices.pki(s.pkiDir());
        RecordingSink sink = new RecordingSink();
        OpcUaDevice d = new OpcUaDevice(s, pki, () -> List.of(sink), st -> { });
        devices.claim("secure1", "pid1");
        devices.started(d);
        d.start();
        try {
            String thumbprint = PemFiles.thumbprint(server.certificate());
            Await.until("rejected", 15_000, () -> d.status() == DeviceStatus.OFFLINE
                    && d.statusDetail().contains("not trusted"), d::statusDetail);
            assertThat(d.statusDetail()).contains(thumbprint).contains("--trust");
            assertThat(Files.list(pki.ownDir()).map(f -> f.getFileName().toString())).contains("client-cert.der",
                    "client-key.pem");
            try (Stream<Path> rejected = Files.list(pki.rejectedDir())) {
                assertThat(rejected.map(f -> f.getFileName().toString())).anyMatch(n -> n.contains(thumbprint));
            }

            OpcUaCertsCommand list = new OpcUaCertsCommand();
            list.devices = devices;
            assertThat(list.run()).contains("rejected").contains(thumbprint).contains("Millwright test server");

            OpcUaCertsCommand trust = new OpcUaCertsCommand();
            trust.devices = devices;
            trust.trust = thumbprint;
            assertThat(trust.run()).startsWith("Trusted " + thumbprint);
            Await.until("ONLINE once trusted", 15_000, () -> d.status() == DeviceStatus.ONLINE, d::statusDetail);
            Await.until("value", 5_000, () -> sink.get("count") != null && sink.get("count").isGood());

            OpcUaBrowseCommand browse = new OpcUaBrowseCommand();
            browse.devices = devices;
            browse.device = "secure1";
            String out = browse.run();
            assertThat(out).contains("ns=2;s=Counter").contains("tag.Counter = ns=2;s=Counter");

            OpcUaStatusCommand status = new OpcUaStatusCommand();
            status.devices = devices;
            Await.until("the item created", 5_000, () -> d.monitoredItemCount() == 1);
            String table = status.run();
            assertThat(table).contains("secure1").contains("ONLINE").contains(server.url())
                    .contains("Basic256Sha256, SignAndEncrypt").contains("Active");
            assertThat(d.subscriptionCount()).isEqualTo(1);
            assertThat(d.polledNodeCount()).isZero();

            OpcUaCertsCommand reject = new OpcUaCertsCommand();
            reject.devices = devices;
            reject.reject = thumbprint;
            assertThat(reject.run()).startsWith("Rejected " + thumbprint);
        } finally {
            d.stop();
        }
    }

    @Test
    void trustOnFirstUseTrustsTheFirstCertificateOnlyWhenAsked() throws Exception {
        DeviceSettings s = settings("tofu1", Map.of("trustOnFirstUse", "true"));
        Pki pki = new Pki(s.pkiDir());
        OpcUaDevice d = new OpcUaDevice(s, pki, () -> List.of(new RecordingSink()), st -> { });
        d.start();
        try {
            Await.until("ONLINE", 15_000, () -> d.status() == DeviceStatus.ONLINE, d::statusDetail);
            assertThat(pki.isTrusted(server.certificate())).isTrue();
        } finally {
            d.stop();
        }
    }
}
