package io.millwright.driver.support;

import io.millwright.api.device.DeviceStatus;

/** Told when a device's status changes, so its service properties can follow. */
@FunctionalInterface
public interface StatusListener {

    void statusChanged(DeviceStatus status);
}
