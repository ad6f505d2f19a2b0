package io.millwright.driver.support;

import io.millwright.api.device.Device;
import io.millwright.api.device.DeviceStatus;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * A device's {@link Device} service, with its status property kept current. Status changes arrive
 * on the device's thread; they take no lock, so stopping a device never waits on its own listener.
 */
public final class DeviceServiceRegistration implements StatusListener {

    private final String id;
    private final String protocol;
    private volatile ServiceRegistration<Device> registration;
    private volatile String reporting = Device.REPORTS_POLLED;

    /** @param protocol the {@code millwright.device.protocol} property, e.g. {@code modbus-tcp} */
    public DeviceServiceRegistration(String id, String protocol) {
        this.id = id;
        this.protocol = protocol;
    }

    public void register(BundleContext context, Device device) {
        reporting = device.reporting();
        registration = context.registerService(Device.class, device, properties(device.status()));
    }

    @Override
    public void statusChanged(DeviceStatus status) {
        ServiceRegistration<Device> r = registration;
        if (r != null) {
            try {
                r.setProperties(properties(status));
            } catch (IllegalStateException e) {
                // unregistered while this poll ran: the device is stopping
            }
        }
    }

    public void unregister() {
        ServiceRegistration<Device> r = registration;
        registration = null;
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // the bundle is stopping and the framework got there first
            }
        }
    }

    private Dictionary<String, Object> properties(DeviceStatus status) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Device.PROP_ID, id);
        props.put(Device.PROP_PROTOCOL, protocol);
        props.put(Device.PROP_STATUS, status.name());
        props.put(Device.PROP_REPORTING, reporting);
        return props;
    }
}
