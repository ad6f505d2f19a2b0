package io.millwright.api.device;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A configured field device as a driver sees it. Each driver registers one service per device
 * with the properties {@link #PROP_ID}, {@link #PROP_PROTOCOL} and {@link #PROP_STATUS}, and
 * keeps {@link #PROP_STATUS} current (by updating the registration's properties) so that
 * consumers learn of status changes from service events, without polling.
 *
 * <p>When a device's tag list changes (a configuration edit), the driver modifies the service
 * properties or registers the device anew, so consumers that keep per-tag settings (the tag
 * historian) read {@link #tags()} again.
 */
@ProviderType
public interface Device {

    /** Service property: the device id, unique across all drivers (String). */
    String PROP_ID = "millwright.device.id";
    /** Service property: the protocol, for example {@code modbus-tcp}, {@code opcua}, {@code mqtt} (String). */
    String PROP_PROTOCOL = "millwright.device.protocol";
    /** Service property: the current {@link DeviceStatus} name (String). */
    String PROP_STATUS = "millwright.device.status";
    /** Service property: how the device delivers data, {@link #reporting()} (String; absent means polled). */
    String PROP_REPORTING = "millwright.device.reporting";
    /** Samples come every poll, changed or not: silence means the data is stale. */
    String REPORTS_POLLED = "polled";
    /**
     * Samples come only when a value changes (OPC UA subscriptions, Sparkplug B): while the device is
     * ONLINE or DEGRADED its connection vouches that silent values are unchanged.
     */
    String REPORTS_BY_EXCEPTION = "by-exception";

    String id();

    String protocol();

    /** {@link #REPORTS_POLLED} or {@link #REPORTS_BY_EXCEPTION}; the registration's {@link #PROP_REPORTING}. */
    default String reporting() {
        return REPORTS_POLLED;
    }

    DeviceStatus status();

    /** Why the status is what it is ("connection refused by 10.0.0.5:502"); empty when ONLINE. */
    String statusDetail();

    /** When the last good sample was received from the device, if ever. */
    Optional<Instant> lastDataTime();

    /** Requests (or messages) completed since the driver started this device. */
    long readCount();

    /** Failed requests, timeouts and undecodable messages since the driver started this device. */
    long errorCount();

    /** Times the connection was re-established after a loss. */
    long reconnectCount();

    /** Round trip of the last completed request; empty for push protocols or before the first. */
    Optional<Duration> lastRoundTrip();

    /** The configured tags in configuration order, each with its last sample. */
    List<TagStatus> tags();
}
