package io.millwright.store.derby.internal.json;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()} for the millisecond instants the events carry, without the general
 * formatter: writing the outbox spent more time formatting times than deflating the JSON.
 */
final class IsoInstant {

    private static final long SECONDS_PER_DAY = 86_400L;

    private IsoInstant() {
    }

    /** Appends exactly what {@code instant.toString()} gives. */
    static void append(StringBuilder out, Instant instant) {
        int nanos = instant.getNano();
        long seconds = instant.getEpochSecond();
        if (nanos % 1_000_000 != 0 || seconds < 0 || seconds >= 253_402_300_800L) {
            out.append(instant);
            return;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        out.append(date.getYear()).append('-');
        two(out, date.getMonthValue());
        out.append('-');
        two(out, date.getDayOfMonth());
        out.append('T');
        two(out, secondOfDay / 3600);
        out.append(':');
        two(out, secondOfDay / 60 % 60);
        out.append(':');
        two(out, secondOfDay % 60);
        if (nanos != 0) {
            int millis = nanos / 1_000_000;
            out.append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                    .append((char) ('0' + millis % 10));
        }
        out.append('Z');
    }

    private static void two(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
