package io.millwright.api.device;

import java.util.Objects;
import java.util.Optional;
import io.millwright.api.sample.Sample;

/**
 * One configured tag of a device as its driver sees it: where it is read from, whether its
 * history is kept, and the last sample the driver produced for it.
 *
 * <p>A snapshot: drivers build a new one for each call to {@link Device#tags()}.
 *
 * @param name       the tag name, unique within the device, as samples carry it
 * @param address    where the driver reads it, in the protocol's own words
 *                   ({@code holding 100 float32}, {@code ns=2;s=Line1.Count}, {@code plant/+/count $.v})
 * @param historized whether the tag's history is to be kept (on change, outside {@code deadband})
 * @param deadband   the absolute change a numeric value must exceed to count as a change; 0 for any change
 * @param last       the last sample produced for the tag, or {@code null} before the first
 */
public record TagStatus(String name, String address, boolean historized, double deadband, Sample last) {

    public TagStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        if (!(deadband >= 0.0)) {
            throw new IllegalArgumentException("tag " + name + ": deadband must be 0 or more, was " + deadband);
        }
    }

    public Optional<Sample> lastSample() {
        return Optional.ofNullable(last);
    }
}
