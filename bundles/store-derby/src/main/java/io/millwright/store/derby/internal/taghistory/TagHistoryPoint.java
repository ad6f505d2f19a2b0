package io.millwright.store.derby.internal.taghistory;

import io.millwright.api.sample.Quality;
import java.time.Instant;

/**
 * One stored value of a tag: its time, the value as a number and/or as text (either may be null),
 * its quality and, when not GOOD, why.
 */
public record TagHistoryPoint(Instant time, Double number, String text, Quality quality, String reason) {

    /** The value as shown to a person: the text when there is one (exact), else the number; "-" for none. */
    public String value() {
        if (text != null) {
            return text;
        }
        if (number == null) {
            return "-";
        }
        double v = number;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
