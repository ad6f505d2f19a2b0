package io.millwright.store.derby.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of JDBC work run on a connection that {@link DerbyDatabase} opens, commits and closes. */
@FunctionalInterface
public interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
