package io.millwright.core.calendar;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads the raw Config Admin values (String, String[] or a collection of strings) of a calendar. */
final class CalendarProperties {

    private final Map<String, ?> properties;

    CalendarProperties(Map<String, ?> properties) {
        if (properties == null) {
            throw new IllegalArgumentException("calendar properties must not be null");
        }
        this.properties = properties;
    }

    /** A required single value, stripped; refused when missing, blank or given more than once. */
    ConfigEntry requiredText(String key, String expected) {
        List<ConfigEntry> entries = entries(key);
        if (entries.isEmpty()) {
            throw new CalendarConfigException(key, "", "required: expected " + expected);
        }
        if (entries.size() > 1) {
            throw new CalendarConfigException(key, String.join(", ", texts(entries)),
                    "expected a single value: " + expected);
        }
        ConfigEntry only = entries.get(0);
        return new ConfigEntry(key, only.text().strip());
    }

    /** The non-blank entries under {@code key}, in configured order; empty when the key is absent. */
    List<ConfigEntry> entries(String key) {
        Object raw = properties.get(key);
        List<ConfigEntry> entries = new ArrayList<>();
        if (raw == null) {
            return entries;
        }
        if (raw instanceof String s) {
            add(entries, key, s);
        } else if (raw instanceof String[] array) {
            for (String s : array) {
                add(entries, key, s);
            }
        } else if (raw instanceof Collection<?> collection) {
            for (Object element : collection) {
                if (element != null && !(element instanceof String)) {
                    throw notText(key, element);
                }
                add(entries, key, (String) element);
            }
        } else {
            throw notText(key, raw);
        }
        return entries;
    }

    private static void add(List<ConfigEntry> entries, String key, String text) {
        if (text != null && !text.isBlank()) {
            entries.add(new ConfigEntry(key, text.strip()));
        }
    }

    private static CalendarConfigException notText(String key, Object value) {
        return new CalendarConfigException(key, String.valueOf(value),
                "expected text or a list of text, not " + value.getClass().getSimpleName());
    }

    private static List<String> texts(List<ConfigEntry> entries) {
        return entries.stream().map(ConfigEntry::text).toList();
    }
}
