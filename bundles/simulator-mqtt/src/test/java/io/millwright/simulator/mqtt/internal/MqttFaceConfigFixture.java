package io.millwright.simulator.mqtt.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds an {@link MqttFaceConfig} the way Declarative Services does: given keys, else the annotation's defaults. */
final class MqttFaceConfigFixture {

    private MqttFaceConfigFixture() {
    }

    static MqttFaceConfig config(Map<String, String> values) {
        return (MqttFaceConfig) Proxy.newProxyInstance(MqttFaceConfig.class.getClassLoader(),
                new Class<?>[] {MqttFaceConfig.class}, (proxy, method, args) -> {
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
