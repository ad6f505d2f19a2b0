package io.millwright.simulator.opcua.internal;

import io.millwright.api.health.HealthCheck;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import io.millwright.api.simulation.SimulatedPlant;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code etc/io.millwright.simulator.opcua.cfg}: runs one OPC UA server for every simulated machine
 * from activation to deactivation (an edit restarts it).
 *
 * <p>The plant is an optional, dynamic reference: while the simulator bundle is updated or
 * restarted, the server stays up with an empty Machines folder (clients keep their sessions and
 * read Bad_NodeIdUnknown), and the folders come back with the machines.
 */
@Component(configurationPid = OpcUaFaceComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {OpcUaFace.class, HealthCheck.class})
@Designate(ocd = OpcUaConfig.class)
public class OpcUaFaceComponent implements OpcUaFace, HealthCheck {

    static final String PID = "io.millwright.simulator.opcua";
    private static final Logger LOG = LoggerFactory.getLogger(OpcUaFaceComponent.class);

    private SimulatedPlant plant;
    private OpcUaSettings settings;
    private MachineServer server;
    private String problem = "";

    @Activate
    void activate(OpcUaConfig config, BundleContext context) {
        configure(config, context == null ? null : context.getProperty("karaf.data"));
    }

    /** Starts the server unless the configuration is refused; a failed start leaves the reason in {@link #problem()}. */
    synchronized void configure(OpcUaConfig config, String karafData) {
        try {
            settings = OpcUaSettings.from(config, karafData);
        } catch (InvalidSettingException e) {
            problem = PID + ".cfg refused: " + e.getMessage();
            LOG.error("simulator OPC UA: {}", problem);
            return;
        }
        try {
            start();
        } catch (IOException e) {
            LOG.warn("simulator OPC UA: {}", e.getMessage());
        }
    }

    @Deactivate
    synchronized void deactivate() {
        stop();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindPlant(SimulatedPlant added) {
        // greedy: a better plant is bound before the old one is unbound
        detachPlant();
        plant = added;
        if (server != null) {
            plant.addListener(server);
        }
    }

    synchronized void unbindPlant(SimulatedPlant removed) {
        if (plant == removed) {
            detachPlant();
            plant = null;
        }
    }

    @Override
    public synchronized Optional<OpcUaSettings> settings() {
        return Optional.ofNullable(settings);
    }

    @Override
    public synchronized boolean isUp() {
        return server != null;
    }

    @Override
    public synchronized String problem() {
        return problem;
    }

    @Override
    public synchronized List<String> machineIds() {
        return server == null ? List.of() : server.machineIds();
    }

    @Override
    public String folderNodeId(String machineId) {
        return MachineNodeIds.text(MachineNodeIds.NAMESPACE_INDEX, MachineNodeIds.folder(machineId));
    }

    @Override
    public synchronized void setUp(boolean up) throws IOException {
        if (settings == null) {
            throw new IllegalStateException("simulator OPC UA server not running: " + problem);
        }
        if (up) {
            start();
        } else {
            stop();
            problem = "";
        }
    }

    @Override
    public String name() {
        return "simulator-opcua";
    }

    @Override
    public synchronized List<HealthFinding> check() {
        if (server != null) {
            return plant != null ? List.of() : List.of(new HealthFinding(Severity.WARNING, "simulator OPC UA",
                    "no simulated plant to serve (feature millwright-simulator not started): the Machines folder is empty"));
        }
        return List.of(problem.isEmpty()
                ? new HealthFinding(Severity.INFO, "simulator OPC UA",
                        "OPC UA server taken down by command (sim-opcua up brings it back)")
                : new HealthFinding(settings == null ? Severity.ERROR : Severity.WARNING, "simulator OPC UA", problem));
    }

    private void start() throws IOException {
        if (server != null) {
            return;
        }
        MachineServer created = new MachineServer(settings);
        try {
            created.start();
        } catch (IOException e) {
            created.close();
            problem = e.getMessage();
            throw e;
        }
        server = created;
        problem = "";
        if (plant != null) {
            plant.addListener(created);
        }
        LOG.info("simulator OPC UA server up on {}", settings);
    }

    private void stop() {
        if (server != null) {
            if (plant != null) {
                plant.removeListener(server);
            }
            server.close();
            server = null;
            LOG.info("simulator OPC UA server on {} stopped", settings.endpointUrl());
        }
    }

    /** Stops following the plant; the plant does not report its machines gone, so their folders go here. */
    private void detachPlant() {
        if (plant != null && server != null) {
            plant.removeListener(server);
            server.forgetMachines();
        }
    }
}
