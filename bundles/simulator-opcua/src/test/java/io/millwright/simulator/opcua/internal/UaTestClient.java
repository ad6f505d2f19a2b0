package io.millwright.simulator.opcua.internal;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/** Milo clients for the tests: unsecured, or Basic256Sha256 SignAndEncrypt trusting given server certificates. */
final class UaTestClient {

    private UaTestClient() {
    }

    static OpcUaClient none(String url, IdentityProvider identity) throws UaException {
        return OpcUaClient.create(url,
                endpoints -> endpoints.stream()
                        .filter(e -> e.getSecurityPolicyUri().equals(SecurityPolicy.None.getUri())).findFirst(),
                transport -> { },
                config -> config.setApplicationUri("urn:millwright:test:client").setIdentityProvider(identity)
                        .setRequestTimeout(UInteger.valueOf(5_000)))
                .connect();
    }

    static OpcUaClient none(String url) throws UaException {
        return none(url, new AnonymousProvider());
    }

    /** Connects with Basic256Sha256 and SignAndEncrypt, accepting only a server certificate in {@code trusted}. */
    static OpcUaClient basic256Sha256(String url, List<X509Certificate> trusted) throws Exception {
        KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair)
                .setCommonName("millwright test client")
                .setApplicationUri("urn:millwright:test:client")
                .addDnsName("localhost")
                .build();
        MemoryTrustListManager trust = new MemoryTrustListManager();
        trusted.forEach(trust::addTrustedCertificate);
        return OpcUaClient.create(url,
                endpoints -> endpoints.stream()
                        .filter(e -> e.getSecurityPolicyUri().equals(SecurityPolicy.Basic256Sha256.getUri())
                                && e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt)
                        .findFirst(),
                transport -> { },
                config -> config.setApplicationUri("urn:millwright:test:client")
                        .setKeyPair(keyPair)
                        .setCertificate(certificate)
                        .setCertificateChain(new X509Certificate[] {certificate})
                        .setCertificateValidator(new DefaultClientCertificateValidator(trust, Set.of(),
                                new MemoryCertificateQuarantine()))
                        .setRequestTimeout(UInteger.valueOf(5_000)))
                .connect();
    }

    /** The server certificate as kept in the PKI directory. */
    static X509Certificate serverCertificate(Path pkiDir) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(pkiDir.resolve(ServerCertificates.KEY_STORE))) {
            store.load(in, "millwright-simulator".toCharArray());
        }
        for (String alias : java.util.Collections.list(store.aliases())) {
            if (store.getCertificate(alias) instanceof X509Certificate c) {
                return c;
            }
        }
        throw new AssertionError("no certificate in " + pkiDir);
    }

    /** Browse names of the nodes that {@code node} organizes or has as components. */
    static List<String> children(OpcUaClient client, NodeId node) throws UaException {
        BrowseResult result = client.browse(new BrowseDescription(node, BrowseDirection.Forward,
                NodeIds.HierarchicalReferences, true, UInteger.valueOf(NodeClass.Object.getValue() | NodeClass.Variable.getValue()),
                UInteger.valueOf(BrowseResultMask.All.getValue())));
        List<String> names = new ArrayList<>();
        ReferenceDescription[] references = result.getReferences();
        if (references != null) {
            for (ReferenceDescription r : references) {
                names.add(r.getBrowseName().name());
            }
        }
        return names;
    }
}
