package io.millwright.driver.opcua.internal.client;

import io.millwright.driver.opcua.internal.config.DeviceSettings;
import io.millwright.driver.opcua.internal.config.Identity;
import io.millwright.driver.opcua.internal.config.SecurityMode;
import io.millwright.driver.opcua.internal.pki.ClientCertificate;
import io.millwright.driver.opcua.internal.pki.PemFiles;
import io.millwright.driver.opcua.internal.pki.Pki;
import io.millwright.driver.opcua.internal.pki.ServerCertificateCheck;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.identity.X509IdentityProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransport;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfig;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfigBuilder;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * Builds a device's Milo client: asks the server for its endpoints, picks the one with the
 * configured policy and mode (reached at the configured host and port, whatever host name the
 * server advertises), and sets the client certificate, the server certificate check and the login.
 */
final class ClientFactory {

    private final DeviceSettings settings;
    private final Pki pki;
    private final TransportResources resources;
    private final Consumer<String> certificateRejected;

    ClientFactory(DeviceSettings settings, Pki pki, TransportResources resources, Consumer<String> certificateRejected) {
        this.settings = settings;
        this.pki = pki;
        this.resources = resources;
        this.certificateRejected = certificateRejected;
    }

    OpcUaClient create() throws Exception {
        ClientCertificate own = pki.clientCertificate();
        EndpointDescription endpoint = endpoint();
        OpcUaClientConfig config = OpcUaClientConfig.builder()
                .setApplicationName(LocalizedText.english("Millwright OPC UA client"))
                .setApplicationUri(own.applicationUri())
                .setProductUri("urn:millwright:opcua-client")
                .setSessionName(() -> "millwright-" + settings.id())
                .setEndpoint(endpoint)
                .setKeyPair(own.keyPair())
                .setCertificate(own.certificate())
                .setCertificateChain(new X509Certificate[] {own.certificate()})
                .setCertificateValidator(new ServerCertificateCheck(settings.id(), pki, settings.trustOnFirstUse(),
                        certificateRejected))
                .setIdentityProvider(identity(settings.identity()))
                .setRequestTimeout(uint(settings.requestTimeoutMs()))
                // a server slower than requestTimeout to answer a keep-alive is as good as gone: its
                // notifications would arrive ever later while the device looked ONLINE
                .setKeepAliveTimeout(uint(settings.requestTimeoutMs()))
                .build();
        return new OpcUaClient(config, new OpcTcpClientTransport(transportConfig()));
    }

    private OpcTcpClientTransportConfig transportConfig() {
        OpcTcpClientTransportConfigBuilder b = OpcTcpClientTransportConfig.newBuilder()
                .setConnectTimeout(uint(Math.min(settings.requestTimeoutMs(), 5000)));
        resources.configure(b);
        return b.build();
    }

    private EndpointDescription endpoint() throws Exception {
        List<EndpointDescription> endpoints = DiscoveryClient.getEndpoints(settings.endpointUrl(), b -> {
            b.setConnectTimeout(uint(Math.min(settings.requestTimeoutMs(), 5000)));
            resources.configure(b);
        }).get(settings.requestTimeoutMs(), TimeUnit.MILLISECONDS);
        MessageSecurityMode mode = mode(settings.securityMode());
        for (EndpointDescription e : endpoints) {
            if (settings.securityPolicy().uri().equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == mode
                    && e.getEndpointUrl() != null && e.getEndpointUrl().startsWith("opc.tcp:")) {
                return EndpointUtil.updateUrl(e, EndpointUtil.getHost(settings.endpointUrl()),
                        EndpointUtil.getPort(settings.endpointUrl()));
            }
        }
        String offered = endpoints.stream()
                .map(e -> e.getSecurityPolicyUri().substring(e.getSecurityPolicyUri().indexOf('#') + 1) + "/" + e.getSecurityMode())
                .distinct().collect(Collectors.joining(", "));
        throw new UaException(StatusCodes.Bad_SecurityPolicyRejected, "securityPolicy/securityMode: the server offers no "
                + settings.securityPolicy() + "/" + settings.securityMode() + " endpoint; it offers " + offered);
    }

    private static MessageSecurityMode mode(SecurityMode mode) {
        switch (mode) {
            case Sign:
                return MessageSecurityMode.Sign;
            case SignAndEncrypt:
                return MessageSecurityMode.SignAndEncrypt;
            default:
                return MessageSecurityMode.None;
        }
    }

    private static IdentityProvider identity(Identity identity) throws IOException {
        switch (identity.kind()) {
            case username:
                return new UsernameProvider(identity.username(), identity.password());
            case x509:
                List<X509Certificate> chain = PemFiles.readCertificates(identity.certificate());
                PrivateKey key = PemFiles.readPrivateKey(identity.privateKey());
                return new X509IdentityProvider(chain, key);
            default:
                return new AnonymousProvider();
        }
    }
}
