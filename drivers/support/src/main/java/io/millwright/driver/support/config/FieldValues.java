package io.millwright.driver.support.config;

import java.util.regex.Pattern;

/** Reads the textual field values every driver's tags and device files share; each problem names the field. */
public final class FieldValues {

    /** Device ids and tag names: letters, digits, '.', '_', '-', starting with a letter or digit. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private FieldValues() {
    }

    /** @throws FieldProblem for {@code name} unless the tag name matches {@link #NAME} */
    public static void checkTagName(String name) throws FieldProblem {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new FieldProblem("name", "tag name '" + name + "' must be letters, digits, '.', '_', '-'");
        }
    }

    /** The {@code deadband} field: 0 when blank, never negative. */
    public static double deadband(String text) throws FieldProblem {
        double deadband = parseDouble("deadband", text, 0.0);
        if (deadband < 0.0) {
            throw new FieldProblem("deadband", "deadband must be 0 or more, was " + text.trim());
        }
        return deadband;
    }

    /** A finite number, or {@code dflt} when blank. */
    public static double parseDouble(String field, String text, double dflt) throws FieldProblem {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new FieldProblem(field, field + " '" + text.trim() + "' is not a number");
        }
    }

    /** {@code true} or {@code false} in any case, or {@code dflt} when blank. */
    public static boolean parseBoolean(String field, String text, boolean dflt) throws FieldProblem {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("true")) {
            return true;
        }
        if (t.equalsIgnoreCase("false")) {
            return false;
        }
        throw new FieldProblem(field, field + " '" + t + "' must be true or false");
    }
}
