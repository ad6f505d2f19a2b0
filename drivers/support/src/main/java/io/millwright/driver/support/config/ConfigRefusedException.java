package io.millwright.driver.support.config;

/** A device configuration that cannot be used, naming where the problem is: a key, or a CSV file, line and column. */
public class ConfigRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String where;

    /**
     * @param where   the configuration key ({@code port}, {@code tag.total}) or the CSV location
     *                ({@code tags.csv line 4 column 3 (type)})
     * @param problem what is wrong with it, including the offending value (never a secret)
     */
    public ConfigRefusedException(String where, String problem) {
        super(where + ": " + problem);
        this.where = where;
    }

    public String where() {
        return where;
    }
}
