package io.millwright.driver.mqtt.internal;

import io.millwright.api.sample.SampleSink;
import io.millwright.driver.mqtt.internal.config.ConnectionConfigParser;
import io.millwright.driver.mqtt.internal.config.ConnectionSettings;
import io.millwright.driver.mqtt.internal.config.MqttConnectionConfig;
import io.millwright.driver.mqtt.internal.device.MqttDevice;
import io.millwright.driver.support.DeviceFile;
import io.millwright.driver.support.DeviceServiceRegistration;
import io.millwright.driver.support.config.ConfigRefusedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection file ({@code etc/io.millwright.driver.mqtt-<name>.cfg}): validates it, then runs
 * the connection and registers a {@code Device} service per mapped device, or refuses it by key
 * (reported to health) while the other connections keep running. An edit stops the running
 * connection (its Paho client and thread) and starts the new one with the same client id, so the
 * broker's session carries the messages that arrived in between.
 */
@Component(configurationPid = "io.millwright.driver.mqtt", configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = MqttConnectionConfig.class, factory = true)
public class MqttConnectionComponent {

    private static final Logger LOG = LoggerFactory.getLogger(MqttConnectionComponent.class);

    @Reference
    private MqttConnections connections;

    private final List<SampleSink> sinks = new CopyOnWriteArrayList<>();
    private final List<DeviceServiceRegistration> registrations = new ArrayList<>();

    private BundleContext context;
    private String pid;
    private MqttConnection connection;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSink(SampleSink sink) {
        sinks.add(sink);
    }

    void removeSink(SampleSink sink) {
        sinks.remove(sink);
    }

    @Activate
    void activate(BundleContext context, Map<String, Object> properties) {
        this.context = context;
        this.pid = String.valueOf(properties.get(Constants.SERVICE_PID));
        apply(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        stopCurrent();
        apply(properties);
    }

    @Deactivate
    void deactivate() {
        stopCurrent();
    }

    private void apply(Map<String, Object> properties) {
        String file = fileName(properties, pid);
        ConnectionSettings settings;
        try {
            settings = new ConnectionConfigParser(DeviceFile.etcDir()).parse(properties);
        } catch (ConfigRefusedException e) {
            refuse(file, "configuration refused: " + e.getMessage());
            return;
        }
        List<String> ids = new ArrayList<>();
        ids.add("connection:" + settings.id());
        settings.devices().forEach(d -> ids.add("device:" + d.id()));
        String taken = connections.claim(ids, pid);
        if (taken != null) {
            refuse(file, "configuration refused: " + taken);
            return;
        }
        MqttConnection c = new MqttConnection(settings, () -> sinks, connections::quarantine);
        for (MqttDevice d : c.devices()) {
            DeviceServiceRegistration r = new DeviceServiceRegistration(d.id(), d.protocol());
            d.listener(r);
            r.register(context, d);
            registrations.add(r);
        }
        try {
            c.start();
        } catch (MqttException e) {
            unregisterAll();
            connections.release(pid);
            refuse(file, "cannot create the MQTT client for " + settings.uri() + ": " + e.getMessage());
            return;
        }
        connection = c;
        connections.started(c);
        LOG.info("MQTT connection {}: {} ({} devices)", settings.id(), settings, settings.devices().size());
    }

    private void refuse(String file, String message) {
        LOG.error("MQTT connection file {}: {}", file, message);
        connections.refused(new MqttConnections.Refusal(pid, file, message));
    }

    private void stopCurrent() {
        // the services go first: a device that announced OFFLINE on its way out would make its
        // machines OFFLINE at once, a false stop during every driver update or file edit
        unregisterAll();
        if (connection != null) {
            connection.stop();
            connection = null;
        }
        connections.release(pid);
    }

    private void unregisterAll() {
        registrations.forEach(DeviceServiceRegistration::unregister);
        registrations.clear();
    }

    static String fileName(Map<String, Object> properties, String pid) {
        Object file = properties.get("felix.fileinstall.filename");
        if (file == null) {
            return pid;
        }
        String text = file.toString();
        return text.substring(text.lastIndexOf('/') + 1);
    }
}
