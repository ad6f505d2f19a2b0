package io.millwright.platform.internal.update;

import io.millwright.api.device.Device;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Finds the driver bundle an administrator means: by bundle id, symbolic name, the short name
 * after {@code millwright-driver-} ({@code modbus}), or a protocol its devices report
 * ({@code modbus-tcp}).
 */
final class DriverBundles {

    static final String PREFIX = "millwright-driver-";

    private DriverBundles() {
    }

    static Bundle find(BundleContext context, String driver) {
        Bundle[] bundles = context.getBundles();
        if (driver.chars().allMatch(Character::isDigit)) {
            Bundle bundle = context.getBundle(Long.parseLong(driver));
            if (bundle != null) {
                return bundle;
            }
        }
        for (Bundle bundle : bundles) {
            String name = bundle.getSymbolicName();
            if (driver.equals(name) || (PREFIX + driver).equals(name)) {
                return bundle;
            }
        }
        for (ServiceReference<Device> device : devices(context)) {
            if (driver.equals(device.getProperty(Device.PROP_PROTOCOL)) && device.getBundle() != null) {
                return device.getBundle();
            }
        }
        String known = Arrays.stream(bundles).map(Bundle::getSymbolicName).filter(Objects::nonNull)
                .filter(n -> n.startsWith(PREFIX)).sorted().collect(Collectors.joining(", "));
        throw new IllegalArgumentException("no driver '" + driver + "'; installed drivers: "
                + (known.isEmpty() ? "none" : known));
    }

    /** The Device services registered by {@code bundle}. */
    static List<ServiceReference<Device>> devicesOf(BundleContext context, Bundle bundle) {
        return devices(context).stream().filter(r -> bundle.equals(r.getBundle())).toList();
    }

    private static List<ServiceReference<Device>> devices(BundleContext context) {
        try {
            return List.copyOf(context.getServiceReferences(Device.class, null));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
