package io.millwright.store.derby.internal;

import io.millwright.api.store.MachineStoreException;
import io.millwright.store.derby.internal.schema.Migration;
import io.millwright.store.derby.internal.schema.Migrations;
import io.millwright.store.derby.internal.schema.SchemaMigrator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * One Derby database as the store sees it: the data source, where the database lives (for error
 * messages), the lock that keeps appends in outbox order, and transactions around JDBC work. Opening
 * it brings the schema up to date, or refuses a database newer than this code.
 */
public final class DerbyDatabase {

    private static final String URL_PREFIX = "jdbc:derby:";
    private static final String UNKNOWN = "(unknown Derby database)";

    private final DataSource dataSource;
    private final String location;
    private final int schemaVersion;
    /**
     * Appends run one at a time: the outbox sequence row would serialise them anyway, and waiting
     * here rather than on a Derby lock keeps lock timeouts out of the picture.
     */
    private final ReentrantLock appendLock = new ReentrantLock();
    /** Machines known to be in the {@code machine} table, so that an append looks each up only once. */
    private final Set<String> knownMachines = ConcurrentHashMap.newKeySet();

    private DerbyDatabase(DataSource dataSource, String location, int schemaVersion) {
        this.dataSource = dataSource;
        this.location = location;
        this.schemaVersion = schemaVersion;
    }

    /** Opens the database behind {@code dataSource}, applying the migrations it lacks. */
    public static DerbyDatabase open(DataSource dataSource) {
        return open(dataSource, Migrations.ALL);
    }

    /** As {@link #open(DataSource)}, knowing only {@code migrations} (tests build older schemas). */
    public static DerbyDatabase open(DataSource dataSource, List<Migration> migrations) {
        return open(dataSource, null, migrations);
    }

    /**
     * As {@link #open(DataSource)}, with the database's location known beforehand (from the DataSource's
     * configuration), so that a database that cannot even be connected to is named in the error.
     * {@code knownLocation} may be null; once connected, the location Derby reports is used.
     */
    public static DerbyDatabase open(DataSource dataSource, String knownLocation, List<Migration> migrations) {
        Objects.requireNonNull(dataSource, "dataSource");
        String location = knownLocation == null ? UNKNOWN : knownLocation;
        try (Connection connection = dataSource.getConnection()) {
            location = locationOf(connection.getMetaData().getURL());
            int version = new SchemaMigrator(location, migrations).migrate(connection);
            return new DerbyDatabase(dataSource, location, version);
        } catch (SQLException e) {
            throw failure(location, "opening the database", e);
        } catch (RuntimeException e) {
            // Derby boots the database on the first connection; a damaged one may fail with an unchecked error
            if (e instanceof MachineStoreException) {
                throw e;
            }
            throw new DerbyStoreException(location, "opening the database", e);
        }
    }

    /** The database directory (or the JDBC URL when it is not a directory). */
    public String location() {
        return location;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public ReentrantLock appendLock() {
        return appendLock;
    }

    public Set<String> knownMachines() {
        return knownMachines;
    }

    /**
     * Runs {@code work} in one transaction and commits it; rolls back and throws a
     * {@link MachineStoreException} naming the database and {@code what} when any SQL fails.
     */
    public <T> T inTransaction(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(location, what, e);
        }
    }

    public MachineStoreException failure(String what, SQLException e) {
        return failure(location, what, e);
    }

    /** Every SQL failure of the store goes through here, to be told in plain words ({@link DerbyFailure}). */
    private static MachineStoreException failure(String location, String what, SQLException e) {
        return new DerbyStoreException(location, what, e);
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** {@code jdbc:derby:/data/millwright;create=true} → {@code /data/millwright}. */
    public static String locationOf(String url) {
        if (url == null) {
            return UNKNOWN;
        }
        String rest = url.startsWith(URL_PREFIX) ? url.substring(URL_PREFIX.length()) : url;
        int attributes = rest.indexOf(';');
        return attributes < 0 ? rest : rest.substring(0, attributes);
    }
}
