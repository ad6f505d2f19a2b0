package io.millwright.driver.opcua.internal.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated device configuration: the server, the security, the login, the subscription limits
 * and the tags in configuration order. Its {@code toString} carries no secret (see {@link Identity}).
 */
public record DeviceSettings(String id, String endpointUrl, Policy securityPolicy, SecurityMode securityMode,
                             Identity identity, boolean trustOnFirstUse, int maxItemsPerSubscription,
                             double publishingIntervalMs, Path pkiDir, int requestTimeoutMs,
                             long reconnectMaxDelayMs, List<TagDefinition> tags) {

    public DeviceSettings {
        tags = List.copyOf(tags);
    }

    /** @return the tag of that name, or {@code null} */
    public TagDefinition tag(String name) {
        for (TagDefinition t : tags) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The sampling interval a tag asks for: its own, or the publishing interval. */
    public double samplingOf(TagDefinition tag) {
        return tag.samplingMs() >= 0 ? tag.samplingMs() : publishingIntervalMs;
    }
}
