package io.millwright.simulator.opcua.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds an {@link OpcUaConfig} the way Declarative Services does: given keys, else the annotation's defaults. */
final class OpcUaConfigFixture {

    private OpcUaConfigFixture() {
    }

    static OpcUaConfig config(Map<String, String> values) {
        return (OpcUaConfig) Proxy.newProxyInstance(OpcUaConfig.class.getClassLoader(),
                new Class<?>[] {OpcUaConfig.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    return method.invoke(values, args);
                });
    }
}
