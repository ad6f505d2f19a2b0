package io.millwright.driver.support.config;

/** A tag field that is wrong: which one (as the CSV header names it) and why; the caller adds where it stands. */
public final class FieldProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final String field;

    public FieldProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
