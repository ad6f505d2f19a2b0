package io.millwright.store.derby.internal.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the newest schema this code knows: reads {@code schema_version}, applies the
 * missing migrations in order, each in its own transaction together with its version row, and
 * refuses a database whose version is newer than the newest migration.
 */
public final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    /** Derby's SQLState for "table does not exist". */
    private static final String NO_SUCH_TABLE = "42X05";
    private static final String CREATE_VERSION_TABLE = "CREATE TABLE schema_version ("
            + "version INT NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)";

    private final String location;
    private final List<Migration> migrations;

    public SchemaMigrator(String location, List<Migration> migrations) {
        this.location = location;
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(Comparator.comparingInt(Migration::version));
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migrations must be numbered 1.." + sorted.size()
                        + " without gaps, found version " + sorted.get(i).version() + " at position " + (i + 1));
            }
        }
        this.migrations = List.copyOf(sorted);
    }

    /** Applies what is missing and returns the schema version the database is now at. */
    public int migrate(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            int current = currentVersion(connection);
            int known = migrations.size();
            if (current > known) {
                connection.rollback();
                throw new SchemaTooNewException(location, current, known);
            }
            for (Migration migration : migrations.subList(current, known)) {
                apply(connection, migration);
            }
            return known;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The version recorded in the database, 0 for an empty one (the version table is then created). */
    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            if (!NO_SUCH_TABLE.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback();
            try (Statement statement = connection.createStatement()) {
                statement.execute(CREATE_VERSION_TABLE);
            }
            connection.commit();
            return 0;
        }
    }

    private void apply(Connection connection, Migration migration) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : migration.statements()) {
                statement.execute(sql);
            }
            if (migration.data() != null) {
                migration.data().apply(connection);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                insert.setInt(1, migration.version());
                insert.setString(2, migration.description());
                insert.setLong(3, System.currentTimeMillis());
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("schema migration " + migration.version() + " (" + migration.description()
                    + ") failed and was rolled back: " + e.getMessage(), e.getSQLState(), e);
        }
        LOG.info("Derby store at {}: schema migrated to version {} ({})", location, migration.version(),
                migration.description());
    }
}
