package io.millwright.driver.mqtt.internal.device;

import io.millwright.api.device.DeviceStatus;

/** Told when a device's status changes, to update its service registration. */
@FunctionalInterface
public interface StatusListener {
    void statusChanged(DeviceStatus status);
}
