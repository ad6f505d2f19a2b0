package io.millwright.driver.modbus.internal.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Validates a device configuration from its raw properties (as Config Admin hands them over) into
 * {@link DeviceSettings}, or refuses it naming the key, or the CSV file, line and column.
 */
public final class DeviceConfigParser {

    public static final String TAG_FILE = "tagFile";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path etcDir;

    /** @param etcDir where a relative {@code tagFile} is looked for */
    public DeviceConfigParser(Path etcDir) {
        this.etcDir = etcDir;
    }

    public DeviceSettings parse(Map<String, ?> properties) throws ConfigRefusedException {
        String id = required(properties, "id");
        if (!ID.matcher(id).matches()) {
            throw new ConfigRefusedException("id", "'" + id + "' must be letters, digits, '.', '_', '-'");
        }
        String host = required(properties, "host");
        int port = intValue(properties, "port", 502, 1, 65535);
        int unitId = intValue(properties, "unitId", 1, 0, 255);
        int pollInterval = intValue(properties, "pollInterval", 1000, 10, 86_400_000);
        int timeout = intValue(properties, "timeout", 1000, 10, 600_000);
        int retries = intValue(properties, "retries", 1, 0, 10);
        Endianness byteOrder = order(properties, "byteOrder");
        Endianness wordOrder = order(properties, "wordOrder");
        int maxGap = intValue(properties, "maxGap", 10, 0, 124);
        int maxRegisters = intValue(properties, "maxRegisters", 125, 1, 125);
        int maxCoils = intValue(properties, "maxCoils", 2000, 1, 2000);
        boolean writable = booleanValue(properties, "writable", false);
        int reconnectMaxDelay = intValue(properties, "reconnectMaxDelay", 30_000, 100, 3_600_000);
        List<TagDefinition> tags = tags(properties, maxRegisters);
        return new DeviceSettings(id, host, port, unitId, pollInterval, timeout, retries, byteOrder, wordOrder, maxGap,
                maxRegisters, maxCoils, writable, reconnectMaxDelay, tags);
    }

    private List<TagDefinition> tags(Map<String, ?> properties, int maxRegisters) throws ConfigRefusedException {
        List<TagDefinition> tags = new ArrayList<>();
        // Config Admin keeps no order: sort the inline tags by key so the order is stable
        Map<String, Object> inline = new TreeMap<>();
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            if (e.getKey().startsWith(InlineTagParser.PREFIX)) {
                inline.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, Object> e : inline.entrySet()) {
            tags.add(InlineTagParser.parse(e.getKey(), String.valueOf(e.getValue())));
        }
        String tagFile = text(properties, TAG_FILE);
        if (tagFile != null) {
            Path file = etcDir.resolve(tagFile);
            tags.addAll(TagCsvReader.read(file));
        }
        if (tags.isEmpty()) {
            throw new ConfigRefusedException("tag.*", "no tags: add tag.<name> = <area> <address> <type> keys or a tagFile");
        }
        Set<String> names = new HashSet<>();
        for (TagDefinition t : tags) {
            if (!names.add(t.name())) {
                throw new ConfigRefusedException("tag." + t.name(), "tag '" + t.name() + "' is defined twice (inline and/or in "
                        + (tagFile == null ? "the file" : tagFile) + ")");
            }
            if (!t.area().isBits() && t.registers() > maxRegisters) {
                throw new ConfigRefusedException("tag." + t.name(), t.registers() + " registers exceed maxRegisters " + maxRegisters);
            }
        }
        return tags;
    }

    private static String required(Map<String, ?> properties, String key) throws ConfigRefusedException {
        String value = text(properties, key);
        if (value == null) {
            throw new ConfigRefusedException(key, "is required");
        }
        return value;
    }

    private static String text(Map<String, ?> properties, String key) {
        Object value = properties.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        return String.valueOf(value).trim();
    }

    private static int intValue(Map<String, ?> properties, String key, int dflt, int min, int max)
            throws ConfigRefusedException {
        String value = text(properties, key);
        if (value == null) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(value);
            if (v < min || v > max) {
                throw new ConfigRefusedException(key, value + " must be " + min + " to " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigRefusedException(key, "'" + value + "' is not a whole number (" + min + " to " + max + ")");
        }
    }

    private static boolean booleanValue(Map<String, ?> properties, String key, boolean dflt) throws ConfigRefusedException {
        try {
            return TagFields.parseBoolean(key, text(properties, key), dflt);
        } catch (TagFields.FieldProblem p) {
            throw new ConfigRefusedException(key, p.getMessage());
        }
    }

    private static Endianness order(Map<String, ?> properties, String key) throws ConfigRefusedException {
        String value = text(properties, key);
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
