package io.millwright.core.internal.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A site's downtime reason codes: categories ({@code MECH}) and the reasons under them
 * ({@code MECH.JAM}). Categories marked as setup count as setup and adjustment losses.
 */
public record ReasonTree(String site, Map<String, String> categories, Map<String, String> reasons,
                         Set<String> setupCategories) {

    public ReasonTree {
        categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
        reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
        setupCategories = Set.copyOf(setupCategories);
    }

    /** Parses {@code etc/io.millwright.reasons-<site>.cfg}. */
    public static ReasonTree parse(Map<String, ?> properties) throws ConfigRefusedException {
        ConfigValues values = new ConfigValues(properties);
        String site = values.required("site");
        Map<String, String> categories = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String entry : values.list("reasons")) {
            int eq = entry.indexOf('=');
            String code = (eq < 0 ? entry : entry.substring(0, eq)).trim();
            String text = eq < 0 ? code : entry.substring(eq + 1).trim();
            if (!code.matches("[A-Z0-9_-]+(\\.[A-Z0-9_-]+)?")) {
                throw new ConfigRefusedException("reasons", entry,
                        "code '" + code + "' is not CATEGORY or CATEGORY.REASON in capitals, digits, '_' and '-'");
            }
            int dot = code.indexOf('.');
            if (dot < 0) {
                if (categories.put(code, text) != null) {
                    throw new ConfigRefusedException("reasons", entry, "category " + code + " is listed twice");
                }
            } else {
                if (!categories.containsKey(code.substring(0, dot))) {
                    throw new ConfigRefusedException("reasons", entry,
                            "category " + code.substring(0, dot) + " must be listed before its reasons");
                }
                if (reasons.put(code, text) != null) {
                    throw new ConfigRefusedException("reasons", entry, "reason " + code + " is listed twice");
                }
            }
        }
        if (reasons.isEmpty()) {
            throw new ConfigRefusedException("reasons", values.text("reasons", ""), "lists no CATEGORY.REASON code");
        }
        Set<String> setup = new java.util.HashSet<>(values.list("setupCategories"));
        for (String category : setup) {
            if (!categories.containsKey(category)) {
                throw new ConfigRefusedException("setupCategories", category, "is not a category in reasons");
            }
        }
        return new ReasonTree(site, categories, reasons, setup);
    }

    public boolean isReason(String code) {
        return reasons.containsKey(code);
    }

    /** Whether a reason code is a setup or changeover; false for null and unknown codes. */
    public boolean isSetup(String code) {
        if (code == null) {
            return false;
        }
        int dot = code.indexOf('.');
        return setupCategories.contains(dot < 0 ? code : code.substring(0, dot));
    }
}
