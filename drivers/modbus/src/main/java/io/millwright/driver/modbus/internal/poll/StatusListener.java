package io.millwright.driver.modbus.internal.poll;

import io.millwright.api.device.DeviceStatus;

/** Told on the poll thread when a device's status changes, so its service properties can follow. */
@FunctionalInterface
public interface StatusListener {

    void statusChanged(DeviceStatus status);
}
