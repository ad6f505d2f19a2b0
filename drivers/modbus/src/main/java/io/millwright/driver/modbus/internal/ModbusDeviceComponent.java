package io.millwright.driver.modbus.internal;

import io.millwright.api.sample.SampleSink;
import io.millwright.driver.modbus.internal.config.DeviceConfigParser;
import io.millwright.driver.modbus.internal.config.DeviceSettings;
import io.millwright.driver.modbus.internal.config.ModbusDeviceConfig;
import io.millwright.driver.modbus.internal.poll.ModbusDevice;
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
 * One device file ({@code etc/io.millwright.driver.modbus-<name>.cfg}): validates it, then runs
 * the device and registers its {@code Device} service, or refuses it by key (registered OFFLINE
 * with the refusal, and reported to health) while the other devices keep running. An edit stops
 * the running device and starts the new one ({@link DeviceFile} does all that; this class says
 * how a Modbus device is read and made).
 */
@Component(configurationPid = "io.millwright.driver.modbus", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = ModbusDeviceConfig.class, factory = true)
public class ModbusDeviceComponent implements DeviceFactory<DeviceSettings, ModbusDevice> {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusDeviceComponent.class);

    @Reference
    private ModbusDevices devices;

    private final List<SampleSink> sinks = new CopyOnWriteArrayList<>();

    private DeviceFile<DeviceSettings, ModbusDevice> file;

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
        file = new DeviceFile<>("Modbus", ModbusDevice.PROTOCOL, devices, this, LOG);
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
        return new DeviceConfigParser(DeviceFile.etcDir()).parse(properties);
    }

    @Override
    public String id(DeviceSettings settings) {
        return settings.id();
    }

    @Override
    public ModbusDevice create(DeviceSettings settings, StatusListener listener) {
        return new ModbusDevice(settings, () -> sinks, listener);
    }

    @Override
    public void started(DeviceSettings settings, ModbusDevice device) {
        LOG.info("Modbus device {}: polling {}:{} unit {} every {} ms, {} tags in {} requests", settings.id(),
                settings.host(), settings.port(), settings.unitId(), settings.pollIntervalMs(), settings.tags().size(),
                device.plan().size());
    }
}
