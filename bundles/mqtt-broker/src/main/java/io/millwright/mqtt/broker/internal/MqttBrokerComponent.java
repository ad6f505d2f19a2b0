package io.millwright.mqtt.broker.internal;

import io.millwright.api.health.HealthCheck;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import java.io.IOException;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the embedded broker while the bundle is active: started in activate, stopped in
 * deactivate (a configuration change does both, so no half-reconfigured broker exists). A broker
 * that cannot start leaves the component active and says why in {@code millwright:health}.
 */
@Component(configurationPid = "io.millwright.mqtt.broker", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = HealthCheck.class)
@Designate(ocd = BrokerConfig.class)
public class MqttBrokerComponent implements HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(MqttBrokerComponent.class);

    private EmbeddedBroker broker;
    private volatile String problem;

    @Activate
    void activate(BundleContext context, BrokerConfig config) {
        BrokerSettings settings;
        try {
            settings = BrokerSettings.of(config, context.getProperty("karaf.data"));
        } catch (BrokerSettings.RefusedException e) {
            fail("configuration refused: " + e.getMessage(), null);
            return;
        }
        EmbeddedBroker b = new EmbeddedBroker(settings);
        try {
            b.start();
        } catch (IOException e) {
            fail(e.getMessage(), e.getCause());
            return;
        }
        broker = b;
        LOG.info("MQTT broker listening on {}", settings);
    }

    @Deactivate
    void deactivate() {
        if (broker != null) {
            broker.stop();
            broker = null;
            LOG.info("MQTT broker stopped");
        }
    }

    /** @param cause logged with its stack trace when it is not the configuration's fault */
    private void fail(String message, Throwable cause) {
        problem = message;
        LOG.error("MQTT broker not started: {}", message, cause);
    }

    @Override
    public String name() {
        return "mqtt-broker";
    }

    @Override
    public List<HealthFinding> check() {
        String p = problem;
        return p == null ? List.of() : List.of(new HealthFinding(Severity.ERROR, "mqtt broker", "not started: " + p));
    }
}
