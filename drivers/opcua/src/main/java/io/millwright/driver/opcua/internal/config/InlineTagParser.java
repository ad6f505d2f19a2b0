package io.millwright.driver.opcua.internal.config;

import io.millwright.driver.support.config.ConfigRefusedException;
import io.millwright.driver.support.config.DeviceTags;
import io.millwright.driver.support.config.FieldProblem;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads one inline tag: {@code tag.speed = ns=2;s=Line1.Speed double sampling=500 deadband=0.5 historize=true}.
 * The node id comes first and may contain spaces; the optional type and {@code key=value} options
 * are taken from the end, so a string node id is kept exactly as written.
 */
final class InlineTagParser {

    private static final Map<String, String> OPTIONS = Map.of("sampling", "samplingInterval", "deadband", "deadband",
            "historize", "historize");

    private InlineTagParser() {
    }

    static TagDefinition parse(String key, String spec) throws ConfigRefusedException {
        String name = key.substring(DeviceTags.PREFIX.length());
        String rest = spec.trim();
        Map<String, String> options = new HashMap<>();
        String type = null;
        while (true) {
            int space = rest.lastIndexOf(' ');
            if (space < 0) {
                break;
            }
            String word = rest.substring(space + 1);
            int eq = word.indexOf('=');
            String option = eq > 0 ? word.substring(0, eq) : null;
            if (option != null && OPTIONS.containsKey(option)) {
                if (type != null) {
                    throw new ConfigRefusedException(key, "option '" + word + "' must come after the type, not before it");
                }
                if (options.put(option, word.substring(eq + 1)) != null) {
                    throw new ConfigRefusedException(key, "option '" + option + "' given twice");
                }
            } else if (type == null && eq < 0 && TagType.parse(word) != null) {
                type = word;
            } else {
                break;
            }
            rest = rest.substring(0, space).trim();
        }
        if (rest.isEmpty()) {
            throw new ConfigRefusedException(key, "'" + spec.trim() + "' must be '<nodeId> [type] [sampling=ms]"
                    + " [deadband=x] [historize=true]', e.g. 'ns=2;s=Line1.Speed double sampling=500'");
        }
        try {
            return TagFields.build(name, rest, type, options.get("sampling"), options.get("deadband"),
                    options.get("historize"));
        } catch (FieldProblem p) {
            throw new ConfigRefusedException(key, p.getMessage());
        }
    }
}
