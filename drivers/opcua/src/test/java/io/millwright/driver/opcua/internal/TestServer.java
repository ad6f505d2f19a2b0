package io.millwright.driver.opcua.internal;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.AddressSpace;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.X509IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaRuntimeException;
import org.eclipse.milo.opcua.stack.core.security.CertificateStore;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * A Milo 1.1.2 server for the tests, on 127.0.0.1: endpoints None and Basic256Sha256
 * SignAndEncrypt, anonymous and user name login (user / secret), X.509 user login with one trusted
 * user certificate if {@link #trustUserCertificate} was called, and namespace
 * {@code urn:millwright:test} with variables {@code ns=2;s=<name>} that the test sets. The node
 * {@code Unmonitorable} refuses monitored items (Bad_MonitoredItemFilterUnsupported), so clients
 * must read it. It can be stopped and started again on the same port with the same certificate.
 */
public final class TestServer implements AutoCloseable {

    public static final String URI = "urn:millwright:test";
    public static final String USER = "user";
    public static final String PASSWORD = "secret";

    private final int port;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final Map<String, Object> initial;
    private volatile X509Certificate trustedUser;
    private OpcUaServer server;
    private TestNamespace namespace;

    /** @param variables name to initial value (Integer, Double, Boolean, String) */
    public TestServer(Map<String, Object> variables) throws Exception {
        this.port = freePort();
        this.keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        this.certificate = new SelfSignedCertificateBuilder(keyPair).setCommonName("Millwright test server")
                .setApplicationUri("urn:millwright:test-server").addDnsName("localhost").addIpAddress("127.0.0.1").build();
        this.initial = variables;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "opc.tcp://127.0.0.1:" + port + "/test";
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * Accepts X.509 user tokens from this certificate only (Bad_IdentityTokenRejected for any other),
     * on both endpoints; takes effect at the next {@link #start()}.
     */
    public TestServer trustUserCertificate(X509Certificate user) {
        trustedUser = user;
        return this;
    }

    public synchronized TestServer start() throws Exception {
        server = new OpcUaServer(config(), profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        namespace = new TestNamespace(server, initial);
        namespace.startup();
        server.startup().get(10, TimeUnit.SECONDS);
        return this;
    }

    public synchronized void stop() throws Exception {
        if (server != null) {
            namespace.shutdown();
            server.shutdown().get(10, TimeUnit.SECONDS);
            server = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    public void set(String name, Object value) {
        namespace.set(name, value);
    }

    /** Monitored items the server holds now. */
    public int monitoredItems() {
        return namespace.model.getDataItems().size();
    }

    public int subscriptions() {
        return server.getSubscriptions().size();
    }

    private OpcUaServerConfig config() throws Exception {
        MemoryTrustListManager trust = new MemoryTrustListManager();
        CertificateStore store = new MemoryCertificateStore();
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
        // the server accepts any client certificate: the tests are about the client's checks
        DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(trust, store, factory,
                (chain, uri, hosts) -> { });
        DefaultCertificateManager certificates = new DefaultCertificateManager(new MemoryCertificateQuarantine(), group);
        Set<EndpointConfig> endpoints = new LinkedHashSet<>();
        EndpointConfig.Builder base = EndpointConfig.newBuilder().setBindAddress("127.0.0.1").setHostname("127.0.0.1")
                .setBindPort(port).setPath("/test").setCertificate(certificate)
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS, OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME);
        X509Certificate user = trustedUser;
        if (user != null) {
            // this policy names Basic256Sha256, so the client signs the token even on the None endpoint
            // and the server checks it: a login proves the client holds the user key
            base.addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_X509);
        }
        endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None).build());
        endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                .setSecurityMode(MessageSecurityMode.SignAndEncrypt).build());
        return OpcUaServerConfig.builder()
                .setApplicationUri("urn:millwright:test-server")
                .setApplicationName(LocalizedText.english("Millwright test server"))
                .setProductUri("urn:millwright:test-server")
                .setEndpoints(endpoints)
                .setCertificateManager(certificates)
                .setIdentityValidator(new CompositeValidator(AnonymousIdentityValidator.INSTANCE,
                        new UsernameIdentityValidator(c -> USER.equals(c.getUsername()) && PASSWORD.equals(c.getPassword())),
                        new X509IdentityValidator(c -> c.equals(user))))
                .build();
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The test variables, under the Objects folder. */
    static final class TestNamespace extends ManagedNamespaceWithLifecycle {

        final SubscriptionModel model;
        private final Map<String, UaVariableNode> nodes = new ConcurrentHashMap<>();

        TestNamespace(OpcUaServer server, Map<String, Object> variables) {
            super(server, URI);
            model = new SubscriptionModel(server, this);
            getLifecycleManager().addLifecycle(model);
            getLifecycleManager().addStartupTask(() -> variables.forEach(this::add));
        }

        private void add(String name, Object value) {
            NodeId type = value instanceof Double ? NodeIds.Double : value instanceof Boolean ? NodeIds.Boolean
                    : value instanceof String ? NodeIds.String : NodeIds.Int32;
            UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                    .setNodeId(newNodeId(name)).setBrowseName(newQualifiedName(name))
                    .setDisplayName(LocalizedText.english(name)).setDataType(type)
                    .setTypeDefinition(NodeIds.BaseDataVariableType)
                    .setAccessLevel(AccessLevel.READ_WRITE).setUserAccessLevel(AccessLevel.READ_WRITE)
                    .setMinimumSamplingInterval(0.0).build();
            node.setValue(new DataValue(new Variant(value)));
            node.addReference(new Reference(node.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(),
                    Reference.Direction.INVERSE));
            getNodeManager().addNode(node);
            nodes.put(name, node);
        }

        void set(String name, Object value) {
            nodes.get(name).setValue(new DataValue(new Variant(value)));
        }

        @Override
        public AddressSpace.RevisedDataItemParameters onCreateDataItem(ReadValueId readValueId, Double sampling,
                                                                       UInteger queueSize) {
            Object id = readValueId.getNodeId().getIdentifier();
            if ("Unmonitorable".equals(id)) {
                throw new UaRuntimeException(StatusCodes.Bad_MonitoredItemFilterUnsupported);
            }
            return super.onCreateDataItem(readValueId, sampling, queueSize);
        }

        @Override
        public void onDataItemsCreated(java.util.List<DataItem> items) {
            model.onDataItemsCreated(items);
        }

        @Override
        public void onDataItemsModified(java.util.List<DataItem> items) {
            model.onDataItemsModified(items);
        }

        @Override
        public void onDataItemsDeleted(java.util.List<DataItem> items) {
            model.onDataItemsDeleted(items);
        }

        @Override
        public void onMonitoringModeChanged(java.util.List<MonitoredItem> items) {
            model.onMonitoringModeChanged(items);
        }
    }
}
