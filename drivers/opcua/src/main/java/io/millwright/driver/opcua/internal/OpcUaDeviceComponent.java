package io.millwright.driver.opcua.internal;

import io.millwright.api.sample.SampleSink;
import io.millwright.driver.opcua.internal.config.ConfigRefusedException;
import io.millwright.driver.opcua.internal.config.DeviceConfigParser;
import io.millwright.driver.opcua.internal.config.DeviceSettings;
import io.millwright.driver.opcua.internal.config.OpcUaDeviceConfig;
import io.millwright.driver.opcua.internal.client.OpcUaDevice;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
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
 * One device file ({@code etc/io.millwright.driver.opcua-<name>.cfg}): validates it, then runs
 * the device and registers its {@code Device} service, or refuses it by key (registered OFFLINE
 * with the refusal, and reported to health) while the other devices keep running. An edit stops
 * the running device and starts the new one.
 */
@Component(configurationPid = "io.millwright.driver.opcua", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = OpcUaDeviceConfig.class, factory = true)
public class OpcUaDeviceComponent {

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaDeviceComponent.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    @Reference
    private OpcUaDevices devices;

    private final List<SampleSink> sinks = new CopyOnWriteArrayList<>();

    private BundleContext context;
    private String pid;
    private OpcUaDevice device;
    private DeviceServiceRegistration registration;

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
        DeviceSettings settings;
        try {
            settings = new DeviceConfigParser(etcDir(), OpcUaDevices.defaultPkiDir()).parse(properties);
        } catch (ConfigRefusedException e) {
            refuse(file, rawId(properties), "configuration refused: " + e.getMessage());
            return;
        }
        if (!devices.claim(settings.id(), pid)) {
            String message = "configuration refused: id: '" + settings.id() + "' is already used by "
                    + devices.owner(settings.id());
            LOG.error("OPC UA device file {}: {}", file, message);
            devices.refused(new OpcUaDevices.Refusal(pid, file, message));
            return;
        }
        registration = new DeviceServiceRegistration(settings.id());
        device = new OpcUaDevice(settings, devices.pki(settings.pkiDir()), () -> sinks, registration);
        registration.register(context, device);
        devices.started(device);
        device.start();
        LOG.info("OPC UA device {}: starting, {} ({}/{}, login {}), {} tags", settings.id(), settings.endpointUrl(),
                settings.securityPolicy(), settings.securityMode(), settings.identity(), settings.tags().size());
    }

    private void refuse(String file, String id, String message) {
        LOG.error("OPC UA device file {}: {}", file, message);
        devices.refused(new OpcUaDevices.Refusal(pid, file, message));
        if (id != null && devices.claim(id, pid)) {
            registration = new DeviceServiceRegistration(id);
            registration.register(context, new RefusedDevice(id, message));
        }
    }

    private void stopCurrent() {
        if (device != null) {
            device.stop();
            device = null;
        }
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        devices.release(pid);
    }

    private static String rawId(Map<String, Object> properties) {
        Object id = properties.get("id");
        return id != null && ID.matcher(id.toString().trim()).matches() ? id.toString().trim() : null;
    }

    private static Path etcDir() {
        return Path.of(System.getProperty("karaf.etc", "etc"));
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
