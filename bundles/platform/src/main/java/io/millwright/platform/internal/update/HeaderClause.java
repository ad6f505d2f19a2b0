package io.millwright.platform.internal.update;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One clause of an OSGi manifest header such as Import-Package or Require-Capability: its names
 * (several packages may share one clause), attributes and directives. Attribute types
 * ({@code version:Version=1.0}) are dropped from the key; values keep their text.
 */
record HeaderClause(List<String> names, Map<String, String> attributes, Map<String, String> directives) {

    String attribute(String name) {
        return attributes.get(name);
    }

    String directive(String name) {
        return directives.get(name);
    }

    /** The clauses of a header value; an absent header has none. */
    static List<HeaderClause> parse(String header) {
        List<HeaderClause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            List<String> names = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            for (String part : split(clause, ';')) {
                int directive = part.indexOf(":=");
                int equals = part.indexOf('=');
                if (directive > 0 && directive < equals) {
                    directives.put(part.substring(0, directive).trim(), unquote(part.substring(directive + 2)));
                } else if (equals > 0) {
                    String key = part.substring(0, equals).trim();
                    int type = key.indexOf(':');
                    attributes.put(type > 0 ? key.substring(0, type).trim() : key, unquote(part.substring(equals + 1)));
                } else if (!part.isBlank()) {
                    names.add(part.trim());
                }
            }
            clauses.add(new HeaderClause(names, attributes, directives));
        }
        return clauses;
    }

    /** Splits at {@code separator} outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }

    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
