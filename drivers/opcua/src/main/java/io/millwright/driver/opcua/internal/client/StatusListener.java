package io.millwright.driver.opcua.internal.client;

import io.millwright.api.device.DeviceStatus;

/** Told when a device's status changes, so its service properties can follow. */
@FunctionalInterface
public interface StatusListener {

    void statusChanged(DeviceStatus status);
}
