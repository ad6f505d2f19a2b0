package io.millwright.simulator.opcua.internal;

import io.millwright.api.simulation.MachineSnapshot;
import io.millwright.api.simulation.PlantListener;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the simulator's Milo OPC UA server, from {@link #start} to {@link #close}: its
 * threads, certificate, opc.tcp endpoints and the machines' namespace, which follows the plant as
 * its {@link PlantListener}. Taking the server down and up makes a new instance, so nothing of a
 * stopped run lingers.
 */
final class MachineServer implements PlantListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MachineServer.class);
    private static final long TIMEOUT_SECONDS = 10;

    private final OpcUaSettings settings;
    private ServerThreads threads;
    private ServerCertificates certificates;
    private OpcUaServer server;
    private MachineNamespace namespace;

    MachineServer(OpcUaSettings settings) {
        this.settings = settings;
    }

    /** Binds the endpoints; on failure everything started is stopped again and the exception names the endpoint. */
    void start() throws IOException {
        threads = new ServerThreads();
        try {
            certificates = ServerCertificates.open(settings);
            OpcTcpServerTransportConfig transport = OpcTcpServerTransportConfig.newBuilder()
                    .setEventLoop(threads.eventLoop())
                    .setExecutor(threads.executor())
                    .setBootstrapCustomizer(b -> b.option(ChannelOption.SO_REUSEADDR, true))
                    .build();
            server = new OpcUaServer(config(), profile -> {
                if (profile != TransportProfile.TCP_UASC_UABINARY) {
                    throw new IllegalArgumentException("simulator OPC UA serves opc.tcp only, not " + profile);
                }
                return new OpcTcpServerTransport(transport);
            });
            namespace = new MachineNamespace(server);
            namespace.startup();
            int index = namespace.getNamespaceIndex().intValue();
            if (index != MachineNodeIds.NAMESPACE_INDEX) {
                throw new IOException("namespace " + MachineNodeIds.NAMESPACE_URI + " got index " + index
                        + ", not " + MachineNodeIds.NAMESPACE_INDEX);
            }
            server.startup().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            close();
            throw new IOException("simulator OPC UA: cannot serve " + settings.endpointUrl() + " (bindAddress "
                    + settings.bindAddress() + ", port " + settings.port() + "): " + cause, cause);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IOException("simulator OPC UA: interrupted while starting on " + settings.endpointUrl(), e);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public void machineAdded(String machineId, MachineSnapshot now) {
        namespace.add(machineId, now);
    }

    @Override
    public void machineChanged(String machineId, MachineSnapshot snapshot) {
        namespace.update(machineId, snapshot);
    }

    @Override
    public void machineRemoved(String machineId) {
        namespace.remove(machineId);
    }

    /** The machines served, sorted. */
    List<String> machineIds() {
        return namespace.machineIds();
    }

    /** Removes every machine's folder: the plant went away without telling. */
    void forgetMachines() {
        namespace.removeAll();
    }

    /** Ends sessions and connections, closes the port and stops every thread of this run. */
    @Override
    public void close() {
        if (server != null) {
            try {
                server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("simulator OPC UA on {}: shutdown incomplete: {}", settings.endpointUrl(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
        if (namespace != null) {
            namespace.shutdown();
            namespace = null;
        }
        if (certificates != null) {
            try {
                certificates.close();
            } catch (IOException e) {
                LOG.warn("simulator OPC UA: closing the trust list in {}: {}", settings.pkiDir(), e.toString());
            }
            certificates = null;
        }
        if (threads != null) {
            threads.close();
            threads = null;
        }
    }

    private OpcUaServerConfig config() {
        return OpcUaServerConfig.builder()
                .setApplicationUri(ServerCertificates.APPLICATION_URI)
                .setApplicationName(LocalizedText.english("Millwright simulator"))
                .setProductUri("urn:millwright:simulator")
                .setBuildInfo(new BuildInfo("urn:millwright:simulator", "Millwright", "Millwright simulator",
                        OpcUaServer.SDK_VERSION, "", DateTime.now()))
                .setEndpoints(endpoints())
                .setCertificateManager(certificates.manager())
                .setIdentityValidator(identityValidator())
                .setExecutor(threads.executor())
                .setScheduledExecutor(threads.timer())
                .build();
    }

    private Set<EndpointConfig> endpoints() {
        List<UserTokenPolicy> tokens = new java.util.ArrayList<>();
        if (settings.allowAnonymous()) {
            tokens.add(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS);
        }
        if (!settings.user().isEmpty()) {
            tokens.add(OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME);
        }
        Set<EndpointConfig> endpoints = new LinkedHashSet<>();
        for (String name : settings.securityPolicies()) {
            SecurityPolicy policy = SecurityPolicy.valueOf(name);
            endpoints.add(EndpointConfig.newBuilder()
                    .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                    .setBindAddress(settings.bindAddress())
                    .setBindPort(settings.port())
                    .setHostname(settings.hostname())
                    .setPath(settings.path())
                    .setCertificate(certificates.certificate())
                    .setSecurityPolicy(policy)
                    .setSecurityMode(policy == SecurityPolicy.None ? MessageSecurityMode.None
                            : MessageSecurityMode.SignAndEncrypt)
                    .addTokenPolicies(tokens.toArray(UserTokenPolicy[]::new))
                    .build());
        }
        if (!settings.securityPolicies().contains("None")) {
            // clients discover the secure endpoints over an unsecured channel that serves nothing else
            endpoints.add(EndpointConfig.newBuilder()
                    .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                    .setBindAddress(settings.bindAddress())
                    .setBindPort(settings.port())
                    .setHostname(settings.hostname())
                    .setPath(settings.path() + "/discovery")
                    .setCertificate(certificates.certificate())
                    .setSecurityPolicy(SecurityPolicy.None)
                    .setSecurityMode(MessageSecurityMode.None)
                    .build());
        }
        return endpoints;
    }

    private IdentityValidator identityValidator() {
        List<IdentityValidator> validators = new java.util.ArrayList<>();
        if (settings.allowAnonymous()) {
            validators.add(AnonymousIdentityValidator.INSTANCE);
        }
        if (!settings.user().isEmpty()) {
            validators.add(new UsernameIdentityValidator(challenge -> settings.user().equals(challenge.getUsername())
                    && settings.password().equals(challenge.getPassword())));
        }
        return validators.size() == 1 ? validators.get(0) : new CompositeValidator(validators);
    }
}
