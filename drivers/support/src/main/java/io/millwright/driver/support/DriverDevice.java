package io.millwright.driver.support;

import io.millwright.api.device.Device;

/** A {@link Device} its driver runs: started once its service is registered, stopped when its file goes away. */
public interface DriverDevice extends Device {

    /** Starts the device; returns at once (connecting happens on the device's own thread). */
    void start();

    /** Stops the device, closing its link and ending every thread it started. */
    void stop();
}
