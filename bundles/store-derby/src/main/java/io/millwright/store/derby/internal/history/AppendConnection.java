package io.millwright.store.derby.internal.history;

import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.PreparedStatements;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one connection appends run on, kept with its prepared statements from one append to the
 * next: appends run one at a time anyway, and preparing a dozen statements per append cost more
 * than some of the inserts. Any failure closes it, so the next append starts on a fresh one (after
 * a disk-full or a restart of the database, the old connection is dead).
 */
final class AppendConnection {

    /** Work of one append, on the connection's statements. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection, PreparedStatements sql) throws SQLException;
    }

    private final DerbyDatabase database;
    private Connection connection;
    private PreparedStatements statements;

    AppendConnection(DerbyDatabase database) {
        this.database = database;
    }

    /** Runs {@code work} in one transaction and commits; the caller holds the database's append lock. */
    <T> T inTransaction(String what, Work<T> work) {
        try {
            if (connection == null) {
                connection = database.dataSource().getConnection();
                connection.setAutoCommit(false);
                statements = new PreparedStatements(connection);
            }
            T result = work.run(connection, statements);
            connection.commit();
            return result;
        } catch (SQLException e) {
            close(e);
            throw database.failure(what, e);
        } catch (RuntimeException e) {
            close(e);
            throw e;
        }
    }

    /** Closes the connection (rolling back what is open); the next append opens another. */
    void close() {
        close(null);
    }

    private void close(Exception cause) {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
            statements.close();
            connection.close();
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        } finally {
            connection = null;
            statements = null;
        }
    }
}
