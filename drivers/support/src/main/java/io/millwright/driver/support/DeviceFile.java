package io.millwright.driver.support;

import io.millwright.driver.support.config.ConfigRefusedException;
import io.millwright.driver.support.config.FieldValues;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.slf4j.Logger;

/**
 * One device file ({@code etc/io.millwright.driver.<driver>-<name>.cfg}), for the driver's
 * configuration component to delegate its lifecycle to: validates the file, then runs the device
 * and registers its {@code Device} service, or refuses it by key (registered OFFLINE with the
 * refusal, and reported to health) while the other devices keep running. An edit stops the running
 * device and starts the new one.
 *
 * @param <S> the driver's validated device settings
 * @param <D> the driver's running device
 */
public final class DeviceFile<S, D extends DriverDevice> {

    private final String driver;
    private final String protocol;
    private final DeviceRegistry<D> devices;
    private final DeviceFactory<S, D> factory;
    private final Logger log;

    private BundleContext context;
    private String pid;
    private D device;
    private DeviceServiceRegistration registration;

    /**
     * @param driver   how log lines name the driver ({@code Modbus}, {@code OPC UA})
     * @param protocol the devices' {@code millwright.device.protocol}
     * @param log      the driver component's logger
     */
    public DeviceFile(String driver, String protocol, DeviceRegistry<D> devices, DeviceFactory<S, D> factory,
                      Logger log) {
        this.driver = driver;
        this.protocol = protocol;
        this.devices = devices;
        this.factory = factory;
        this.log = log;
    }

    /** Where a device file's relative paths (tag files, certificates) are looked for: {@code ${karaf.etc}}. */
    public static Path etcDir() {
        return Path.of(System.getProperty("karaf.etc", "etc"));
    }

    public void activate(BundleContext context, Map<String, Object> properties) {
        this.context = context;
        this.pid = String.valueOf(properties.get(Constants.SERVICE_PID));
        apply(properties);
    }

    public void modified(Map<String, Object> properties) {
        stopCurrent();
        apply(properties);
    }

    public void deactivate() {
        stopCurrent();
    }

    private void apply(Map<String, Object> properties) {
        String file = fileName(properties, pid);
        S settings;
        try {
            settings = factory.parse(properties);
        } catch (ConfigRefusedException e) {
            refuse(file, rawId(properties), "configuration refused: " + e.getMessage());
            return;
        }
        String id = factory.id(settings);
        if (!devices.claim(id, pid)) {
            String message = "configuration refused: id: '" + id + "' is already used by " + devices.owner(id);
            log.error("{} device file {}: {}", driver, file, message);
            devices.refused(new DeviceRegistry.Refusal(pid, file, message));
            return;
        }
        registration = new DeviceServiceRegistration(id, protocol);
        device = factory.create(settings, registration);
        registration.register(context, device);
        devices.started(device);
        device.start();
        factory.started(settings, device);
    }

    private void refuse(String file, String id, String message) {
        log.error("{} device file {}: {}", driver, file, message);
        devices.refused(new DeviceRegistry.Refusal(pid, file, message));
        if (id != null && devices.claim(id, pid)) {
            registration = new DeviceServiceRegistration(id, protocol);
            registration.register(context, new RefusedDevice(id, protocol, message));
        }
    }

    private void stopCurrent() {
        // the service goes first: a device that announced OFFLINE while stopping would make its
        // machines OFFLINE at once, a false stop during every driver update or file edit
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        if (device != null) {
            device.stop();
            device = null;
        }
        devices.release(pid);
    }

    /** The id as written, when it is a valid one: a refused file still shows under its id. */
    private static String rawId(Map<String, Object> properties) {
        Object id = properties.get("id");
        return id != null && FieldValues.NAME.matcher(id.toString().trim()).matches() ? id.toString().trim() : null;
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
