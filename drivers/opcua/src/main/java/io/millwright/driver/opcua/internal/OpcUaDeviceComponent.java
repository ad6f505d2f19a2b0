package io.millwright.driver.opcua.internal;

import io.millwright.api.sample.SampleSink;
import io.millwright.driver.opcua.internal.client.OpcUaDevice;
import io.millwright.driver.opcua.internal.config.DeviceConfigParser;
import io.millwright.driver.opcua.internal.config.DeviceSettings;
import io.millwright.driver.opcua.internal.config.OpcUaDeviceConfig;
import io.millwright.driver.support.DeviceFactory;
import io.millwright.driver.support.DeviceFile;
import io.millwright.driver.support.StatusListener;
import io.millwright.driver.support.config.ConfigRefusedException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
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
 * the running device and starts the new one ({@link DeviceFile} does all that; this class says
 * how an OPC UA device is read and made).
 */
@Component(configurationPid = "io.millwright.driver.opcua", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = OpcUaDeviceConfig.class, factory = true)
public class OpcUaDeviceComponent implements DeviceFactory<DeviceSettings, OpcUaDevice> {

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaDeviceComponent.class);

    @Reference
    private OpcUaDevices devices;

    private final List<SampleSink> sinks = new CopyOnWriteArrayList<>();

    private DeviceFile<DeviceSettings, OpcUaDevice> file;

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
        file = new DeviceFile<>("OPC UA", OpcUaDevice.PROTOCOL, devices, this, LOG);
        file.activate(context, properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        file.modified(properties);
    }

    @Deactivate
    void deactivate() {
        file.deactivate();
    }

    @Override
    public DeviceSettings parse(Map<String, Object> properties) throws ConfigRefusedException {
        return new DeviceConfigParser(DeviceFile.etcDir(), OpcUaDevices.defaultPkiDir()).parse(properties);
    }

    @Override
    public String id(DeviceSettings settings) {
        return settings.id();
    }

    @Override
    public OpcUaDevice create(DeviceSettings settings, StatusListener listener) {
        return new OpcUaDevice(settings, devices.pki(settings.pkiDir()), () -> sinks, listener);
    }

    @Override
    public void started(DeviceSettings settings, OpcUaDevice device) {
        LOG.info("OPC UA device {}: starting, {} ({}/{}, login {}), {} tags", settings.id(), settings.endpointUrl(),
                settings.securityPolicy(), settings.securityMode(), settings.identity(), settings.tags().size());
    }
}
