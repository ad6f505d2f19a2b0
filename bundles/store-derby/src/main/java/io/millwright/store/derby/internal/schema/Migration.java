package io.millwright.store.derby.internal.schema;

import java.util.List;
import java.util.Objects;

/** One numbered step of the schema: the DDL statements that take a database from version - 1 to version. */
public record Migration(int version, String description, List<String> statements) {

    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1, not " + version);
        }
        Objects.requireNonNull(description, "description");
        statements = List.copyOf(statements);
    }
}
