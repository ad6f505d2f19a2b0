package io.millwright.mqtt.broker.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** A {@link BrokerConfig} as Declarative Services builds it: the given values, the annotation's defaults for the rest. */
final class TestConfig {

    private TestConfig() {
    }

    static BrokerConfig of(Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return (BrokerConfig) Proxy.newProxyInstance(BrokerConfig.class.getClassLoader(), new Class<?>[] {BrokerConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> BrokerConfig.class;
                    case "toString" -> "BrokerConfig" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> values.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }
}
