package io.millwright.driver.support;

import io.millwright.api.device.Device;
import io.millwright.api.device.DeviceStatus;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** A running device that only knows its id and records being started and stopped. */
final class FakeDevice {

    final DriverDevice device;
    volatile boolean started;
    volatile boolean stopped;

    FakeDevice(String id) {
        device = (DriverDevice) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DriverDevice.class},
                (proxy, method, args) -> answer(id, proxy, method, args));
    }

    private Object answer(String id, Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "id":
                return id;
            case "protocol":
                return "fake";
            case "status":
                return DeviceStatus.CONNECTING;
            case "reporting":
                return Device.REPORTS_POLLED;
            case "start":
                started = true;
                return null;
            case "stop":
                stopped = true;
                return null;
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "toString":
                return "fake device " + id;
            default:
                throw new UnsupportedOperationException(method.getName());
        }
    }
}
