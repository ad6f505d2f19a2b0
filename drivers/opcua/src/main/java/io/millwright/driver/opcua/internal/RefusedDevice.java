package io.millwright.driver.opcua.internal;

import io.millwright.api.device.Device;
import io.millwright.api.device.DeviceStatus;
import io.millwright.api.device.TagStatus;
import io.millwright.driver.opcua.internal.client.OpcUaDevice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A device whose configuration was refused: registered OFFLINE so the refusal shows wherever devices are listed. */
final class RefusedDevice implements Device {

    private final String id;
    private final String detail;

    RefusedDevice(String id, String detail) {
        this.id = id;
        this.detail = detail;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String protocol() {
        return OpcUaDevice.PROTOCOL;
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
