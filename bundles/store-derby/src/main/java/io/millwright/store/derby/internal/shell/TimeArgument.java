package io.millwright.store.derby.internal.shell;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point in time as typed in the shell: an ISO instant ({@code 2026-11-24T06:00:00Z}), or a
 * duration back from now ({@code 90s}, {@code 15m}, {@code 1h}, {@code 2d}, {@code PT1H30M}).
 */
final class TimeArgument {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private TimeArgument() {
    }

    /** {@code text} as an instant, durations counted back from {@code now}; names {@code option} when it cannot be read. */
    static Instant parse(String option, String text, Instant now) {
        String t = text.strip();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException notAnInstant) {
            // perhaps a duration
        }
        Matcher m = SHORT.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration back = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return now.minus(back);
        }
        try {
            return now.minus(Duration.parse(t.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is neither an ISO instant"
                    + " (2026-11-24T06:00:00Z) nor a duration back from now (90s, 15m, 1h, 2d, PT1H30M)");
        }
    }
}
