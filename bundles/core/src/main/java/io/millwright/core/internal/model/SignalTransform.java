package io.millwright.core.internal.model;

import io.millwright.api.sample.Sample;
import io.millwright.api.sample.ValueType;

/**
 * Turns a tag's value into a signal value: a bit of a status word, an equality, a threshold, a
 * scale, or the value as it is. Parsed once from configuration; applied per sample without
 * allocating.
 */
public final class SignalTransform {

    private enum Kind { IDENTITY, BIT, EQUALS, NOT_EQUALS, THRESHOLD, SCALE }

    public static final SignalTransform IDENTITY = new SignalTransform(Kind.IDENTITY, 0, 0.0, null, "");

    private final Kind kind;
    private final int bit;
    private final double number;
    private final String text;
    private final String spec;

    private SignalTransform(Kind kind, int bit, double number, String text, String spec) {
        this.kind = kind;
        this.bit = bit;
        this.number = number;
        this.text = text;
        this.spec = spec;
    }

    /**
     * Parses {@code bit(3)}, {@code eq(2)}, {@code eq(AUTO)}, {@code ne(0)}, {@code gt(12.5)} or
     * {@code scale(0.1)}; the empty string is the identity.
     */
    public static SignalTransform parse(String spec) {
        String s = spec.trim();
        if (s.isEmpty()) {
            return IDENTITY;
        }
        int open = s.indexOf('(');
        if (open < 1 || !s.endsWith(")")) {
            throw new IllegalArgumentException("transform '" + s
                    + "' is not one of bit(n), eq(v), ne(v), gt(x), scale(f)");
        }
        String name = s.substring(0, open).trim();
        String arg = s.substring(open + 1, s.length() - 1).trim();
        if (arg.isEmpty()) {
            throw new IllegalArgumentException("transform '" + s + "' needs an argument");
        }
        switch (name) {
            case "bit":
                int n = parseInt(arg, s);
                if (n < 0 || n > 63) {
                    throw new IllegalArgumentException("transform '" + s + "': bit must be 0..63");
                }
                return new SignalTransform(Kind.BIT, n, 0.0, null, s);
            case "eq":
            case "equals":
                return new SignalTransform(Kind.EQUALS, 0, numberOrNaN(arg), arg, s);
            case "ne":
                return new SignalTransform(Kind.NOT_EQUALS, 0, numberOrNaN(arg), arg, s);
            case "gt":
            case "threshold":
                return new SignalTransform(Kind.THRESHOLD, 0, parseDouble(arg, s), null, s);
            case "scale":
                return new SignalTransform(Kind.SCALE, 0, parseDouble(arg, s), null, s);
            default:
                throw new IllegalArgumentException("transform '" + name
                        + "' is not one of bit(n), eq(v), ne(v), gt(x), scale(f)");
        }
    }

    public boolean toBoolean(Sample sample) {
        switch (kind) {
            case BIT:
                return ((sample.asLong() >>> bit) & 1L) != 0L;
            case EQUALS:
                return matches(sample);
            case NOT_EQUALS:
                return !matches(sample);
            case THRESHOLD:
                return sample.asDouble() > number;
            case SCALE:
                return sample.asDouble() * number != 0.0;
            default:
                return sample.asBoolean();
        }
    }

    public long toLong(Sample sample) {
        switch (kind) {
            case BIT:
            case EQUALS:
            case NOT_EQUALS:
            case THRESHOLD:
                return toBoolean(sample) ? 1L : 0L;
            case SCALE:
                return Math.round(sample.asDouble() * number);
            default:
                return sample.asLong();
        }
    }

    public double toDouble(Sample sample) {
        switch (kind) {
            case BIT:
            case EQUALS:
            case NOT_EQUALS:
            case THRESHOLD:
                return toBoolean(sample) ? 1.0 : 0.0;
            case SCALE:
                return sample.asDouble() * number;
            default:
                return sample.asDouble();
        }
    }

    private boolean matches(Sample sample) {
        if (sample.type() == ValueType.STRING || Double.isNaN(number)) {
            return text.equals(sample.asString());
        }
        return sample.asDouble() == number;
    }

    /** The transform as configured, empty for the identity. */
    public String spec() {
        return spec;
    }

    private static int parseInt(String arg, String spec) {
        try {
            return Integer.parseInt(arg);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("transform '" + spec + "': '" + arg + "' is not a whole number");
        }
    }

    private static double parseDouble(String arg, String spec) {
        try {
            return Double.parseDouble(arg);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("transform '" + spec + "': '" + arg + "' is not a number");
        }
    }

    private static double numberOrNaN(String arg) {
        try {
            return Double.parseDouble(arg);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return spec.isEmpty() ? "value" : spec;
    }
}
