package io.millwright.driver.modbus.internal.config;

import java.util.List;

/** A validated device configuration: the connection, the polling, the request limits and the tags in configuration order. */
public record DeviceSettings(String id, String host, int port, int unitId, long pollIntervalMs, int timeoutMs,
                             int retries, Endianness byteOrder, Endianness wordOrder, int maxGap, int maxRegisters,
                             int maxCoils, boolean writable, long reconnectMaxDelayMs, List<TagDefinition> tags) {

    public DeviceSettings {
        tags = List.copyOf(tags);
    }

    /** The device's byte and word order, which its tags take unless they set their own. */
    public RegisterOrder order() {
        return RegisterOrder.of(byteOrder, wordOrder);
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
}
