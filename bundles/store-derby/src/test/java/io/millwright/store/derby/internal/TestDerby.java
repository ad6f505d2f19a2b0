package io.millwright.store.derby.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** Embedded Derby databases in test directories, opened and shut down as the OSGi wiring would. */
public final class TestDerby {

    private TestDerby() {
    }

    /** A data source on the database in {@code dir}, created on first connection. */
    public static EmbeddedDataSource dataSource(Path dir) {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(dir.toAbsolutePath().toString());
        dataSource.setCreateDatabase("create");
        return dataSource;
    }

    public static DerbyDatabase open(Path dir) {
        return DerbyDatabase.open(dataSource(dir));
    }

    /** Shuts the database in {@code dir} down cleanly, so that it can be reopened (or opened by another JVM). */
    public static void shutdown(Path dir) {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(dir.toAbsolutePath().toString());
        dataSource.setShutdownDatabase("shutdown");
        try {
            dataSource.getConnection().close();
            throw new IllegalStateException("Derby did not shut down " + dir);
        } catch (SQLException e) {
            // 08006: the database was shut down; XJ004: it was not booted
            if (!"08006".equals(e.getSQLState()) && !"XJ004".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot shut down " + dir + ": " + e, e);
            }
        }
    }

    public static long count(DataSource dataSource, String query, Object... parameters) {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e, e);
        }
    }
}
