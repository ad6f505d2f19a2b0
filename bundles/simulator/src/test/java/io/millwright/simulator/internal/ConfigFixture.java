package io.millwright.simulator.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Builds a {@link SimulatorConfig} the way Declarative Services does: given keys, else the annotation's defaults. */
final class ConfigFixture {

    private ConfigFixture() {
    }

    static SimulatorConfig config(Map<String, String> values) {
        return (SimulatorConfig) Proxy.newProxyInstance(SimulatorConfig.class.getClassLoader(),
                new Class<?>[] {SimulatorConfig.class}, (proxy, method, args) -> {
                    String key = method.getName().replace('_', '.');
                    if (values.containsKey(key)) {
                        return values.get(key);
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(values, args);
                    }
                    return null;
                });
    }

    static Map<String, Object> properties(String pid, Map<String, String> values) {
        Map<String, Object> properties = new HashMap<>(values);
        properties.put("service.pid", pid);
        properties.put("felix.fileinstall.filename", "file:/opt/millwright/etc/" + pid + ".cfg");
        return properties;
    }
}
