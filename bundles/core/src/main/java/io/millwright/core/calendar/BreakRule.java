package io.millwright.core.calendar;

import java.util.ArrayList;
import java.util.List;

/** A configured break: the shift it belongs to (or every shift) and its wall-clock times. */
record BreakRule(String shift, ClockRange times, ConfigEntry entry) {

    static final String KEY = "breaks";
    static final String EVERY_SHIFT = "*";
    private static final String SYNTAX = "SHIFT HH:mm-HH:mm or '* HH:mm-HH:mm', e.g. 'Early 09:00-09:15'";

    static BreakRule parse(ConfigEntry entry) {
        List<String> tokens = entry.tokens();
        if (tokens.size() != 2) {
            throw entry.refuse("expected " + SYNTAX);
        }
        return new BreakRule(tokens.get(0), ClockRange.parse(entry, tokens.get(1)), entry);
    }

    /**
     * Adds this break to each shift it names whose span contains it. A break that lies in none of
     * them, or that crosses the start or end of one of them, is refused.
     */
    List<ShiftPattern> applyTo(List<ShiftPattern> shifts) {
        List<ShiftPattern> result = new ArrayList<>(shifts.size());
        boolean named = false;
        boolean placed = false;
        for (ShiftPattern shift : shifts) {
            if (!shift.name().equals(this.shift) && !this.shift.equals(EVERY_SHIFT)) {
                result.add(shift);
                continue;
            }
            named = true;
            switch (shift.fitOf(times)) {
                case INSIDE -> {
                    result.add(shift.withBreak(times));
                    placed = true;
                }
                case ACROSS_BOUNDARY -> throw entry.refuse("break " + times + " crosses the start or end of shift '"
                        + shift.entry() + "'; expected a break inside its shift");
                case OUTSIDE -> result.add(shift);
            }
        }
        if (!named) {
            throw entry.refuse("no shift is named '" + shift + "'; expected one of " + names(shifts) + " or '*'");
        }
        if (!placed) {
            throw entry.refuse("break " + times + " is outside " + (shift.equals(EVERY_SHIFT)
                    ? "every shift" : "shift " + shift) + "; expected a break inside its shift");
        }
        return result;
    }

    private static String names(List<ShiftPattern> shifts) {
        return String.join(", ", shifts.stream().map(ShiftPattern::name).distinct().toList());
    }
}
