package io.millwright.store.derby.internal.taghistory;

import io.millwright.api.device.Device;
import io.millwright.api.device.DeviceStatus;
import io.millwright.api.device.TagStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A device as a driver would register it, with a tag list a test sets. */
final class FakeDevice implements Device {

    private final String id;
    private volatile List<TagStatus> tags;

    FakeDevice(String id, TagStatus... tags) {
        this.id = id;
        this.tags = List.of(tags);
    }

    void tags(TagStatus... newTags) {
        tags = List.of(newTags);
    }

    static TagStatus historized(String name, double deadband) {
        return new TagStatus(name, "holding 1", true, deadband, null);
    }

    static TagStatus plain(String name) {
        return new TagStatus(name, "holding 2", false, 0, null);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String protocol() {
        return "test";
    }

    @Override
    public DeviceStatus status() {
        return DeviceStatus.ONLINE;
    }

    @Override
    public String statusDetail() {
        return "";
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
        return tags;
    }
}
