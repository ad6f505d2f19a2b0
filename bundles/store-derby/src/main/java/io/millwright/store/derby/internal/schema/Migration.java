package io.millwright.store.derby.internal.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * One numbered step of the schema: the DDL statements that take a database from version - 1 to
 * version, then, where rows must be reshaped, a data step in Java (in the same transaction).
 */
public record Migration(int version, String description, List<String> statements, DataStep data) {

    /** Moves or reshapes rows after the statements ran; may run more SQL on the connection. */
    @FunctionalInterface
    public interface DataStep {
        void apply(Connection connection) throws SQLException;
    }

    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1, not " + version);
        }
        Objects.requireNonNull(description, "description");
        statements = List.copyOf(statements);
    }

    /** A migration of DDL statements only. */
    public Migration(int version, String description, List<String> statements) {
        this(version, description, statements, null);
    }
}
