package io.millwright.bench.opcua;

import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * A Milo 1.1.2 server in the benchmark JVM on 127.0.0.1, endpoint None/anonymous, with
 * {@code variables} Double variables {@code ns=2;s=V<i>} that one thread (bench-opcua-updater) sets
 * to new values every {@code updateMs}. The server samples monitored items with Milo's
 * {@link SubscriptionModel} on its shared pools (thread names milo-*), never on the clients' threads.
 */
final class BenchServer implements AutoCloseable {

    static final String URI = "urn:millwright:bench";

    final int port;
    private final OpcUaServer server;
    private final BenchNamespace namespace;
    private final ScheduledExecutorService updater;
    final AtomicLong ticks = new AtomicLong();

    BenchServer(int variables, long updateMs) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new OpcUaServer(config(), profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        namespace = new BenchNamespace(server, variables);
        namespace.startup();
        server.startup().get(30, TimeUnit.SECONDS);
        updater = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-opcua-updater");
            t.setDaemon(true);
            return t;
        });
        updater.scheduleAtFixedRate(this::update, updateMs, updateMs, TimeUnit.MILLISECONDS);
    }

    String url() {
        return "opc.tcp://127.0.0.1:" + port + "/bench";
    }

    /** Every variable gets a value it never had, with the same source time. */
    private void update() {
        long tick = ticks.incrementAndGet();
        DateTime now = DateTime.now();
        List<UaVariableNode> nodes = namespace.nodes;
        for (int i = 0, n = nodes.size(); i < n; i++) {
            nodes.get(i).setValue(new DataValue(new Variant(tick + i * 0.001), StatusCode.GOOD, now, now));
        }
    }

    /** Monitored items the server holds now. */
    int monitoredItems() {
        return namespace.model.getDataItems().size();
    }

    @Override
    public void close() throws Exception {
        updater.shutdownNow();
        namespace.shutdown();
        server.shutdown().get(30, TimeUnit.SECONDS);
    }

    private OpcUaServerConfig config() throws Exception {
        KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair).setCommonName("Millwright bench server")
                .setApplicationUri("urn:millwright:bench-server").addIpAddress("127.0.0.1").build();
        RsaSha256CertificateFactory factory = new RsaSha256CertificateFactory() {
            @Override
            protected KeyPair createRsaSha256KeyPair() {
                return keyPair;
            }

            @Override
            protected X509Certificate[] createRsaSha256CertificateChain(KeyPair kp) {
                return new X509Certificate[] {certificate};
            }
        };
        DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(new MemoryTrustListManager(),
                new MemoryCertificateStore(), factory, (chain, uri, hosts) -> { });
        EndpointConfig endpoint = EndpointConfig.newBuilder().setBindAddress("127.0.0.1").setHostname("127.0.0.1")
                .setBindPort(port).setPath("/bench").setCertificate(certificate)
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
                .setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None).build();
        return OpcUaServerConfig.builder()
                .setApplicationUri("urn:millwright:bench-server")
                .setApplicationName(LocalizedText.english("Millwright bench server"))
                .setProductUri("urn:millwright:bench-server")
                .setEndpoints(Set.of(endpoint))
                .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine(), group))
                .setIdentityValidator(AnonymousIdentityValidator.INSTANCE)
                .build();
    }

    /** The variables V0..V(n-1); monitored items are sampled by the SubscriptionModel. */
    static final class BenchNamespace extends ManagedNamespaceWithLifecycle {

        final SubscriptionModel model;
        final List<UaVariableNode> nodes = new ArrayList<>();

        BenchNamespace(OpcUaServer server, int variables) {
            super(server, URI);
            model = new SubscriptionModel(server, this);
            getLifecycleManager().addLifecycle(model);
            getLifecycleManager().addStartupTask(() -> {
                for (int i = 0; i < variables; i++) {
                    String name = "V" + i;
                    UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                            .setNodeId(newNodeId(name)).setBrowseName(newQualifiedName(name))
                            .setDisplayName(LocalizedText.english(name)).setDataType(NodeIds.Double)
                            .setTypeDefinition(NodeIds.BaseDataVariableType)
                            .setAccessLevel(AccessLevel.READ_ONLY).setUserAccessLevel(AccessLevel.READ_ONLY)
                            .setMinimumSamplingInterval(0.0).build();
                    node.setValue(new DataValue(new Variant(0.0)));
                    getNodeManager().addNode(node);
                    nodes.add(node);
                }
            });
        }

        @Override
        public void onDataItemsCreated(List<DataItem> items) {
            model.onDataItemsCreated(items);
        }

        @Override
        public void onDataItemsModified(List<DataItem> items) {
            model.onDataItemsModified(items);
        }

        @Override
        public void onDataItemsDeleted(List<DataItem> items) {
            model.onDataItemsDeleted(items);
        }

        @Override
        public void onMonitoringModeChanged(List<MonitoredItem> items) {
            model.onMonitoringModeChanged(items);
        }
    }
}
