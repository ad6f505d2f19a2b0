package io.millwright.driver.support;

import io.millwright.driver.support.config.ConfigRefusedException;
import java.util.Map;

/**
 * What a driver tells {@link DeviceFile}: how to read a device file, and how to make and announce
 * the device it describes.
 *
 * @param <S> the driver's validated device settings
 * @param <D> the driver's running device
 */
public interface DeviceFactory<S, D extends DriverDevice> {

    /** Validates a device file's properties, or refuses them naming the key, or the CSV file, line and column. */
    S parse(Map<String, Object> properties) throws ConfigRefusedException;

    /** The device id the settings name. */
    String id(S settings);

    /** A device, not yet started, that tells the listener when its status changes. */
    D create(S settings, StatusListener listener);

    /** Called once the device runs: the driver logs what it is doing. */
    void started(S settings, D device);
}
