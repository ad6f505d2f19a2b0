package io.millwright.core.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** A planned maintenance window, one-off or recurring, that yields its occurrences in a time window. */
sealed interface MaintenanceWindow permits OneOffMaintenance, RecurringMaintenance {

    String KEY = "maintenance";
    String SYNTAX = "'YYYY-MM-DDTHH:mm/YYYY-MM-DDTHH:mm', 'DAILY HH:mm-HH:mm', "
            + "'WEEKLY DAY HH:mm-HH:mm' or 'MONTHLY D HH:mm-HH:mm'";

    /** Occurrences that overlap [from, to), unclipped, in any order. */
    List<Interval> occurrences(Instant from, Instant to, ZoneId zone);

    static MaintenanceWindow parse(ConfigEntry entry) {
        List<String> tokens = entry.tokens();
        if (tokens.isEmpty()) {
            throw entry.refuse("expected " + SYNTAX);
        }
        String kind = tokens.get(0).toUpperCase(Locale.ROOT);
        return switch (kind) {
            case "DAILY" -> {
                expectTokens(entry, tokens, 2, "DAILY HH:mm-HH:mm");
                yield new RecurringMaintenance(new Recurrence.Daily(), ClockRange.parse(entry, tokens.get(1)));
            }
            case "WEEKLY" -> {
                expectTokens(entry, tokens, 3, "WEEKLY DAY HH:mm-HH:mm, e.g. 'WEEKLY MON 06:00-08:00'");
                yield new RecurringMaintenance(new Recurrence.Weekly(WeekDays.parseDay(entry, tokens.get(1))),
                        ClockRange.parse(entry, tokens.get(2)));
            }
            case "MONTHLY" -> {
                expectTokens(entry, tokens, 3, "MONTHLY D HH:mm-HH:mm, e.g. 'MONTHLY 15 06:00-08:00'");
                yield new RecurringMaintenance(new Recurrence.Monthly(dayOfMonth(entry, tokens.get(1))),
                        ClockRange.parse(entry, tokens.get(2)));
            }
            default -> {
                if (tokens.size() != 1 || !tokens.get(0).contains("/")) {
                    throw entry.refuse("expected " + SYNTAX);
                }
                yield oneOff(entry, tokens.get(0));
            }
        };
    }

    private static void expectTokens(ConfigEntry entry, List<String> tokens, int count, String syntax) {
        if (tokens.size() != count) {
            throw entry.refuse("expected " + syntax);
        }
    }

    private static int dayOfMonth(ConfigEntry entry, String text) {
        if (text.matches("\\d{1,2}")) {
            int day = Integer.parseInt(text);
            if (day >= 1 && day <= 31) {
                return day;
            }
        }
        throw entry.refuse("day of month " + text + " is not a number from 1 to 31");
    }

    private static OneOffMaintenance oneOff(ConfigEntry entry, String token) {
        int slash = token.indexOf('/');
        LocalDateTime start = dateTime(entry, token.substring(0, slash));
        LocalDateTime end = dateTime(entry, token.substring(slash + 1));
        if (!end.isAfter(start)) {
            throw entry.refuse("end " + end + " is not after start " + start);
        }
        return new OneOffMaintenance(start, end);
    }

    private static LocalDateTime dateTime(ConfigEntry entry, String text) {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeException e) {
            throw entry.refuse("'" + text + "' is not a local date-time YYYY-MM-DDTHH:mm");
        }
    }

    /** Which local dates a recurring window starts on. */
    sealed interface Recurrence {

        boolean occursOn(LocalDate date);

        record Daily() implements Recurrence {
            @Override
            public boolean occursOn(LocalDate date) {
                return true;
            }
        }

        record Weekly(DayOfWeek day) implements Recurrence {
            @Override
            public boolean occursOn(LocalDate date) {
                return date.getDayOfWeek() == day;
            }
        }

        /** Months without the day (e.g. the 31st in April) have no occurrence. */
        record Monthly(int dayOfMonth) implements Recurrence {
            @Override
            public boolean occursOn(LocalDate date) {
                return date.getDayOfMonth() == dayOfMonth;
            }
        }
    }
}
