package io.millwright.driver.modbus.internal.config;

import io.millwright.driver.support.config.ConfigRefusedException;
import io.millwright.driver.support.config.DeviceTags;
import io.millwright.driver.support.config.FieldProblem;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads one inline tag: {@code tag.total = holding 1 uint32 scale=0.1 offset=0 deadband=1 historize=true}
 * (area, address, optional type, then optional {@code key=value} options in any order, including
 * {@code byteOrder} and {@code wordOrder} to override the device's).
 */
final class InlineTagParser {

    private static final Set<String> OPTIONS = Set.of("scale", "offset", "deadband", "historize", "byteOrder", "wordOrder");

    private InlineTagParser() {
    }

    /** @param deviceOrder the order a tag takes unless it sets its own */
    static TagDefinition parse(String key, String spec, RegisterOrder deviceOrder) throws ConfigRefusedException {
        String name = key.substring(DeviceTags.PREFIX.length());
        String[] words = spec.trim().split("\\s+");
        if (spec.isBlank() || words.length < 2) {
            throw new ConfigRefusedException(key, "'" + spec.trim() + "' must be '<area> <address> [type] [scale=..]"
                    + " [offset=..] [deadband=..] [historize=..] [byteOrder=..] [wordOrder=..]',"
                    + " e.g. 'holding 100 float32 scale=0.1'");
        }
        String type = null;
        Map<String, String> options = new HashMap<>();
        for (int i = 2; i < words.length; i++) {
            String w = words[i];
            int eq = w.indexOf('=');
            if (eq < 0) {
                if (i != 2) {
                    throw new ConfigRefusedException(key, "'" + w + "' is not an option: expected key=value after the type");
                }
                type = w;
                continue;
            }
            String option = w.substring(0, eq);
            if (!OPTIONS.contains(option)) {
                throw new ConfigRefusedException(key, "unknown option '" + option
                        + "' (known: scale, offset, deadband, historize, byteOrder, wordOrder)");
            }
            if (options.put(option, w.substring(eq + 1)) != null) {
                throw new ConfigRefusedException(key, "option '" + option + "' given twice");
            }
        }
        try {
            return TagFields.build(name, words[0], words[1], type, options.get("scale"), options.get("offset"),
                    options.get("deadband"), options.get("historize"), options.get("byteOrder"), options.get("wordOrder"),
                    deviceOrder);
        } catch (FieldProblem p) {
            throw new ConfigRefusedException(key, p.getMessage());
        }
    }
}
