package io.millwright.core.calendar;

import java.util.Arrays;
import java.util.List;

/** One configured entry together with its key, so that every parser can refuse it by name. */
record ConfigEntry(String key, String text) {

    CalendarConfigException refuse(String reason) {
        return new CalendarConfigException(key, text, reason);
    }

    /** The entry split on white space, ignoring leading and trailing blanks. */
    List<String> tokens() {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }
}
