package io.millwright.platform.internal.update;

import io.millwright.api.device.Device;
import io.millwright.api.device.DeviceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The devices a driver ran before an update, and whether they are back: each must be registered
 * again by the driver with a status at least as good as before, and each that was delivering data
 * must have delivered a sample since the update began. A device that was OFFLINE before only has
 * to come back as a service: its peer was away already.
 */
public final class DeviceWatch {

    /** A device as it was before the update. */
    public record Before(String id, DeviceStatus status, boolean flowing) {
    }

    /** A device after the update began: its status and when data first arrived again, if it did. */
    public record After(String id, DeviceStatus status, Optional<Duration> gap, boolean back, String detail) {
    }

    private final Map<String, Before> before;
    private final Map<String, Duration> gaps = new HashMap<>();

    private DeviceWatch(Map<String, Before> before) {
        this.before = before;
    }

    /** The driver's devices now; a device with data inside {@code window} counts as delivering data. */
    static DeviceWatch of(BundleContext context, Bundle driver, Instant now, Duration window) {
        Map<String, Before> devices = new LinkedHashMap<>();
        for (ServiceReference<Device> ref : DriverBundles.devicesOf(context, driver)) {
            Device device = context.getService(ref);
            if (device == null) {
                continue;
            }
            try {
                boolean flowing = device.lastDataTime().map(t -> !t.isBefore(now.minus(window))).orElse(false);
                devices.put(device.id(), new Before(device.id(), device.status(), flowing));
            } finally {
                context.ungetService(ref);
            }
        }
        return new DeviceWatch(devices);
    }

    List<Before> before() {
        return List.copyOf(before.values());
    }

    /** Where each device stands, {@code start} being when the update began. */
    List<After> check(BundleContext context, Bundle driver, Instant start) {
        Map<String, Device> now = new HashMap<>();
        List<ServiceReference<Device>> refs = DriverBundles.devicesOf(context, driver);
        List<After> result = new ArrayList<>();
        try {
            for (ServiceReference<Device> ref : refs) {
                Device device = context.getService(ref);
                if (device != null) {
                    now.put(device.id(), device);
                }
            }
            for (Before b : before.values()) {
                Device device = now.get(b.id());
                if (device == null) {
                    result.add(new After(b.id(), null, Optional.empty(), false, "not registered yet"));
                    continue;
                }
                Optional<Instant> data = device.lastDataTime().filter(t -> t.isAfter(start));
                data.ifPresent(t -> gaps.putIfAbsent(b.id(), Duration.between(start, t)));
                boolean statusBack = b.status() == DeviceStatus.OFFLINE || atLeast(device.status(), b.status());
                boolean dataBack = !b.flowing() || data.isPresent();
                result.add(new After(b.id(), device.status(), Optional.ofNullable(gaps.get(b.id())),
                        statusBack && dataBack, device.statusDetail()));
            }
        } finally {
            refs.forEach(context::ungetService);
        }
        return result;
    }

    /** ONLINE is better than DEGRADED, which is better than anything else. */
    static boolean atLeast(DeviceStatus now, DeviceStatus was) {
        return rank(now) >= rank(was);
    }

    private static int rank(DeviceStatus status) {
        return switch (status) {
            case ONLINE -> 2;
            case DEGRADED -> 1;
            default -> 0;
        };
    }

    /** "press01 ONLINE with data, press02 OFFLINE", or what is awaited when the driver runs no devices. */
    public static String describe(Collection<Before> devices) {
        if (devices.isEmpty()) {
            return "the bundle to start (it runs no devices now)";
        }
        StringBuilder text = new StringBuilder();
        for (Before b : devices) {
            text.append(text.isEmpty() ? "" : ", ").append(b.id()).append(' ').append(b.status())
                    .append(b.flowing() ? " with data" : "");
        }
        return text.toString();
    }

    static boolean allBack(List<After> devices) {
        return devices.stream().allMatch(After::back);
    }

    public static String describe(List<After> devices) {
        if (devices.isEmpty()) {
            return "no devices";
        }
        StringBuilder text = new StringBuilder();
        for (After a : devices) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(a.id()).append(' ').append(a.status() == null ? "-" : a.status().name());
            a.gap().ifPresent(g -> text.append(", data after ").append(g.toMillis()).append(" ms"));
            if (!a.back() && a.detail() != null && !a.detail().isEmpty()) {
                text.append(" (").append(a.detail()).append(')');
            }
        }
        return text.toString();
    }
}
