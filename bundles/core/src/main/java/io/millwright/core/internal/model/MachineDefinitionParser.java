package io.millwright.core.internal.model;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates a machine configuration ({@code etc/io.millwright.machine-<name>.cfg}) into a
 * {@link MachineDefinition}, refusing it with the offending key and value named. Reads the raw
 * properties, because typed configuration turns a mistyped number into a silent zero.
 */
public final class MachineDefinitionParser {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private MachineDefinitionParser() {
    }

    public static MachineDefinition parse(Map<String, ?> properties) throws ConfigRefusedException {
        ConfigValues values = new ConfigValues(properties);
        String id = values.required("id");
        if (!ID.matcher(id).matches()) {
            throw new ConfigRefusedException("id", id, "may hold only letters, digits, '.', '_' and '-'");
        }
        Map<SignalKind, SignalBinding> bindings = bindings(values);
        if (!bindings.containsKey(SignalKind.RUNNING) && !bindings.containsKey(SignalKind.TOTAL_COUNT)) {
            throw new ConfigRefusedException("running", "", "a machine needs a running or a totalCount binding");
        }
        if (bindings.containsKey(SignalKind.REJECT_COUNT) && bindings.containsKey(SignalKind.GOOD_COUNT)) {
            throw new ConfigRefusedException("goodCount", values.text("goodCount"),
                    "bind rejectCount or goodCount, not both");
        }
        if ((bindings.containsKey(SignalKind.REJECT_COUNT) || bindings.containsKey(SignalKind.GOOD_COUNT))
                && !bindings.containsKey(SignalKind.TOTAL_COUNT)) {
            throw new ConfigRefusedException("totalCount", "", "is required when rejectCount or goodCount is bound");
        }
        CountMode countMode = countMode(values);
        int counterBits = counterBits(values);
        double ideal = values.seconds("idealCycleTime", Double.NaN, false);
        if (Double.isNaN(ideal)) {
            throw new ConfigRefusedException("idealCycleTime", "", "is required (seconds per part at the ideal rate)");
        }
        Duration idealCycleTime = duration(ideal);
        Duration microStop = duration(values.seconds("microStopThreshold", 60, true));
        Duration staleness = duration(values.seconds("stalenessTimeout", 30, false));
        double defaultWindow = Math.max(10.0, 5 * ideal);
        Duration runningWindow = duration(values.seconds("runningWindow", defaultWindow, false));
        Duration startup = duration(values.seconds("startupPeriod", 0, true));
        return new MachineDefinition(
                id,
                values.text("name", id),
                values.text("site", "plant"),
                values.text("area"),
                values.text("line"),
                bindings,
                countMode,
                counterBits,
                idealCycleTime,
                microStop,
                staleness,
                runningWindow,
                startup,
                values.bool("critical", false),
                values.text("calendar"),
                faultReasons(values),
                productCycleTimes(values));
    }

    private static Map<SignalKind, SignalBinding> bindings(ConfigValues values) throws ConfigRefusedException {
        Map<SignalKind, SignalBinding> bindings = new EnumMap<>(SignalKind.class);
        for (SignalKind kind : SignalKind.values()) {
            String spec = values.text(kind.key());
            if (spec == null) {
                continue;
            }
            try {
                bindings.put(kind, SignalBinding.parse(kind, spec));
            } catch (IllegalArgumentException e) {
                throw new ConfigRefusedException(kind.key(), spec, e.getMessage());
            }
        }
        return bindings;
    }

    private static CountMode countMode(ConfigValues values) throws ConfigRefusedException {
        String text = values.text("countMode", "cumulative");
        try {
            return CountMode.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigRefusedException("countMode", text, "is neither cumulative nor increment");
        }
    }

    private static int counterBits(ConfigValues values) throws ConfigRefusedException {
        String text = values.text("counterBits", "32");
        switch (text) {
            case "16":
                return 16;
            case "32":
                return 32;
            case "64":
                return 64;
            default:
                throw new ConfigRefusedException("counterBits", text, "must be 16, 32 or 64");
        }
    }

    private static Map<Long, String> faultReasons(ConfigValues values) throws ConfigRefusedException {
        Map<Long, String> reasons = new HashMap<>();
        for (String entry : values.list("faultReasons")) {
            String[] pair = pair("faultReasons", entry);
            long code;
            try {
                code = Long.parseLong(pair[0]);
            } catch (NumberFormatException e) {
                throw new ConfigRefusedException("faultReasons", entry, "'" + pair[0] + "' is not a fault code number");
            }
            if (reasons.put(code, pair[1]) != null) {
                throw new ConfigRefusedException("faultReasons", entry, "fault code " + code + " is mapped twice");
            }
        }
        return reasons;
    }

    private static Map<String, Duration> productCycleTimes(ConfigValues values) throws ConfigRefusedException {
        Map<String, Duration> products = new HashMap<>();
        for (String entry : values.list("products")) {
            String[] pair = pair("products", entry);
            double seconds;
            try {
                seconds = Double.parseDouble(pair[1]);
            } catch (NumberFormatException e) {
                throw new ConfigRefusedException("products", entry, "'" + pair[1] + "' is not a number of seconds");
            }
            if (!(seconds > 0) || Double.isInfinite(seconds)) {
                throw new ConfigRefusedException("products", entry, "the ideal cycle time must be more than zero");
            }
            products.put(pair[0], duration(seconds));
        }
        return products;
    }

    private static String[] pair(String key, String entry) throws ConfigRefusedException {
        int eq = entry.indexOf('=');
        if (eq <= 0 || eq == entry.length() - 1) {
            throw new ConfigRefusedException(key, entry, "is not <key>=<value>");
        }
        return new String[] {entry.substring(0, eq).trim(), entry.substring(eq + 1).trim()};
    }

    static Duration duration(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000.0));
    }
}
