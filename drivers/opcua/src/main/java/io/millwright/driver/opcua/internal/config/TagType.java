package io.millwright.driver.opcua.internal.config;

import java.util.Locale;

/**
 * What a tag's value becomes in its samples. {@code auto} follows the value the server sends
 * (booleans, integers, floating point, text); the others convert, and a value that does not
 * convert makes a BAD sample naming the tag.
 */
public enum TagType {
    AUTO, BOOL, LONG, DOUBLE, STRING;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the type for a word ({@code int}, {@code float} are accepted as aliases), or null */
    public static TagType parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "auto":
                return AUTO;
            case "bool":
            case "boolean":
                return BOOL;
            case "long":
            case "int":
            case "integer":
                return LONG;
            case "double":
            case "float":
                return DOUBLE;
            case "string":
            case "text":
                return STRING;
            default:
                return null;
        }
    }
}
