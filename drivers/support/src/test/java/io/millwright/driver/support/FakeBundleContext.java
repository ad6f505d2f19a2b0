package io.millwright.driver.support;

import io.millwright.api.device.Device;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** A bundle context that only registers services, keeping each registration's current properties. */
final class FakeBundleContext {

    /** One registered service and its properties now; {@code properties} is null once unregistered. */
    static final class Registered {
        final Device device;
        volatile Map<String, Object> properties;

        Registered(Device device, Dictionary<String, ?> properties) {
            this.device = device;
            this.properties = copy(properties);
        }
    }

    final List<Registered> registered = Collections.synchronizedList(new ArrayList<>());

    BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("registerService") && args[0] == Device.class) {
                        Registered r = new Registered((Device) args[1], (Dictionary<String, ?>) args[2]);
                        registered.add(r);
                        return registration(r);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The registrations still in place. */
    List<Registered> live() {
        return registered.stream().filter(r -> r.properties != null).toList();
    }

    private ServiceRegistration<?> registration(Registered r) {
        return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    if (r.properties == null) {
                        throw new IllegalStateException("already unregistered");
                    }
                    switch (method.getName()) {
                        case "setProperties" -> r.properties = copy((Dictionary<String, ?>) args[0]);
                        case "unregister" -> r.properties = null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }

    private static Map<String, Object> copy(Dictionary<String, ?> d) {
        Map<String, Object> m = new HashMap<>();
        for (String key : Collections.list(d.keys())) {
            m.put(key, d.get(key));
        }
        return m;
    }
}
