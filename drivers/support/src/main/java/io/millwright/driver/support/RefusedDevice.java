package io.millwright.driver.support;

import io.millwright.api.device.Device;
import io.millwright.api.device.DeviceStatus;
import io.millwright.api.device.TagStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A device whose configuration was refused: registered OFFLINE so the refusal shows wherever devices are listed. */
public final class RefusedDevice implements Device {

    private final String id;
    private final String protocol;
    private final String detail;

    public RefusedDevice(String id, String protocol, String detail) {
        this.id = id;
        this.protocol = protocol;
        this.detail = detail;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public DeviceStatus status() {
        return DeviceStatus.OFFLINE;
    }

    @Override
    public String statusDetail() {
        return detail;
    }

    @Override
    public Optional<Instant> lastDataTime() {
        return Optional.empty();
    }

    @Override
    public long readCount() {
        return 0;
    }

    @Override
    public long errorCount() {
        return 0;
    }

    @Override
    public long reconnectCount() {
        return 0;
    }

    @Override
    public Optional<Duration> lastRoundTrip() {
        return Optional.empty();
    }

    @Override
    public List<TagStatus> tags() {
        return List.of();
    }
}
