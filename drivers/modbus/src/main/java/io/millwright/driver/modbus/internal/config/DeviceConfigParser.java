package io.millwright.driver.modbus.internal.config;

import io.millwright.driver.support.config.ConfigRefusedException;
import io.millwright.driver.support.config.DeviceProperties;
import io.millwright.driver.support.config.DeviceTags;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Validates a device configuration from its raw properties (as Config Admin hands them over) into
 * {@link DeviceSettings}, or refuses it naming the key, or the CSV file, line and column.
 */
public final class DeviceConfigParser {

    private static final String INLINE_SYNTAX = "<area> <address> <type>";

    private final Path etcDir;

    /** @param etcDir where a relative {@code tagFile} is looked for */
    public DeviceConfigParser(Path etcDir) {
        this.etcDir = etcDir;
    }

    public DeviceSettings parse(Map<String, ?> raw) throws ConfigRefusedException {
        DeviceProperties properties = new DeviceProperties(raw);
        String id = properties.id();
        String host = properties.required("host");
        int port = properties.intValue("port", 502, 1, 65535);
        int unitId = properties.intValue("unitId", 1, 0, 255);
        int pollInterval = properties.intValue("pollInterval", 1000, 10, 86_400_000);
        int timeout = properties.intValue("timeout", 1000, 10, 600_000);
        int retries = properties.intValue("retries", 1, 0, 10);
        Endianness byteOrder = order(properties, "byteOrder");
        Endianness wordOrder = order(properties, "wordOrder");
        int maxGap = properties.intValue("maxGap", 10, 0, 124);
        int maxRegisters = properties.intValue("maxRegisters", 125, 1, 125);
        int maxCoils = properties.intValue("maxCoils", 2000, 1, 2000);
        boolean writable = properties.booleanValue("writable", false);
        int reconnectMaxDelay = properties.intValue("reconnectMaxDelay", 30_000, 100, 3_600_000);
        RegisterOrder deviceOrder = RegisterOrder.of(byteOrder, wordOrder);
        // read per device: each tag takes its device's order unless it sets its own
        DeviceTags<TagDefinition> tagReader = new DeviceTags<>((key, spec) -> InlineTagParser.parse(key, spec, deviceOrder),
                file -> TagCsvReader.read(file, deviceOrder), TagDefinition::name, INLINE_SYNTAX);
        List<TagDefinition> tags = tagReader.read(properties, etcDir, t -> {
            if (!t.area().isBits() && t.registers() > maxRegisters) {
                throw new ConfigRefusedException("tag." + t.name(), t.registers() + " registers exceed maxRegisters " + maxRegisters);
            }
        });
        return new DeviceSettings(id, host, port, unitId, pollInterval, timeout, retries, byteOrder, wordOrder, maxGap,
                maxRegisters, maxCoils, writable, reconnectMaxDelay, tags);
    }

    private static Endianness order(DeviceProperties properties, String key) throws ConfigRefusedException {
        String value = properties.text(key);
        if (value == null) {
            return Endianness.BIG;
        }
        Endianness order = Endianness.parse(value);
        if (order == null) {
            throw new ConfigRefusedException(key, "'" + value + "' must be big or little");
        }
        return order;
    }
}
