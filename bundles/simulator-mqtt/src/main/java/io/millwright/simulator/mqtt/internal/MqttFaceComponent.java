package io.millwright.simulator.mqtt.internal;

import io.millwright.api.health.HealthCheck;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import io.millwright.api.simulation.SimulatedPlant;
import java.util.List;
import java.util.Optional;
import org.eclipse.paho.client.mqttv3.MqttException;
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
 * {@code etc/io.millwright.simulator.mqtt.cfg}: publishes every simulated machine to one MQTT
 * broker from activation to deactivation (an edit restarts it).
 *
 * <p>The plant is an optional, dynamic reference: while the simulator bundle is updated or
 * restarted, the face stays connected with no machines (their Sparkplug B devices die), and they
 * are born again when the plant comes back.
 */
@Component(configurationPid = MqttFaceComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {MqttFace.class, HealthCheck.class})
@Designate(ocd = MqttFaceConfig.class)
public class MqttFaceComponent implements MqttFace, HealthCheck {

    static final String PID = "io.millwright.simulator.mqtt";
    private static final Logger LOG = LoggerFactory.getLogger(MqttFaceComponent.class);
    private static final String SUBJECT = "simulator MQTT";

    private SimulatedPlant plant;
    private MqttFaceSettings settings;
    private FacePublisher publisher;
    private String problem = "";
    /** Carried from one run of the publisher to the next (sim-mqtt down, up) so that each connection's bdSeq is new. */
    private long bdSeq = -1;

    @Activate
    synchronized void activate(MqttFaceConfig config) {
        try {
            settings = MqttFaceSettings.from(config);
        } catch (InvalidSettingException e) {
            problem = PID + ".cfg refused: " + e.getMessage();
            LOG.error("simulator MQTT: {}", problem);
            return;
        }
        start();
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
        if (publisher != null) {
            plant.addListener(publisher.feed());
        }
    }

    synchronized void unbindPlant(SimulatedPlant removed) {
        if (plant == removed) {
            detachPlant();
            plant = null;
        }
    }

    @Override
    public synchronized Optional<MqttFaceSettings> settings() {
        return Optional.ofNullable(settings);
    }

    @Override
    public synchronized boolean isConnected() {
        return publisher != null && publisher.isConnected();
    }

    @Override
    public synchronized boolean isDown() {
        return publisher == null;
    }

    @Override
    public synchronized String problem() {
        return publisher != null ? publisher.problem() : problem;
    }

    @Override
    public synchronized long messagesPublished() {
        return publisher == null ? 0 : publisher.messagesPublished();
    }

    @Override
    public synchronized List<String> machineIds() {
        return publisher == null ? List.of() : publisher.feed().machineIds();
    }

    @Override
    public synchronized void setUp(boolean up) {
        if (settings == null) {
            throw new IllegalStateException("simulator MQTT face not running: " + problem);
        }
        if (up) {
            start();
        } else {
            stop();
        }
    }

    @Override
    public String name() {
        return "simulator-mqtt";
    }

    @Override
    public synchronized List<HealthFinding> check() {
        if (settings == null) {
            return List.of(new HealthFinding(Severity.ERROR, SUBJECT, problem));
        }
        if (publisher == null) {
            return List.of(problem.isEmpty()
                    ? new HealthFinding(Severity.INFO, SUBJECT, "taken off the broker by command (sim-mqtt up brings it back)")
                    : new HealthFinding(Severity.WARNING, SUBJECT, problem));
        }
        if (!publisher.isConnected()) {
            return List.of(new HealthFinding(Severity.WARNING, SUBJECT, "not connected: " + publisher.problem()));
        }
        return plant != null ? List.of() : List.of(new HealthFinding(Severity.WARNING, SUBJECT,
                "no simulated plant to publish (feature millwright-simulator not started)"));
    }

    private void start() {
        if (publisher != null) {
            return;
        }
        try {
            publisher = new FacePublisher(settings, bdSeq);
        } catch (MqttException e) {
            problem = "cannot create an MQTT client for " + settings.brokerUri() + ": " + e.getMessage();
            LOG.error("simulator MQTT: {}", problem);
            return;
        }
        problem = "";
        publisher.start();
        if (plant != null) {
            plant.addListener(publisher.feed());
        }
    }

    private void stop() {
        if (publisher != null) {
            if (plant != null) {
                plant.removeListener(publisher.feed());
            }
            publisher.close();
            bdSeq = publisher.bdSeq();
            publisher = null;
            LOG.info("simulator MQTT: stopped publishing to {}", settings.brokerUri());
        }
    }

    /** Stops following the plant; the plant does not report its machines gone, so the feed forgets them here. */
    private void detachPlant() {
        if (plant != null && publisher != null) {
            plant.removeListener(publisher.feed());
            publisher.feed().forgetAll();
        }
    }
}
