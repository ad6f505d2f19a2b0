package io.millwright.store.derby.internal;

import io.millwright.api.store.MachineStoreException;
import io.millwright.store.derby.internal.schema.Migration;
import io.millwright.store.derby.internal.schema.SchemaTooNewException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database and, while it cannot (another process has it open, the disk is full, it is
 * damaged), keeps the reason for health and tries again at a fixed interval on its owner's
 * executor, so that the store comes up by itself once the condition is gone. A database newer than
 * this code is not retried: nothing but an upgrade changes that.
 */
public final class DatabaseOpener {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOpener.class);

    private final DataSource dataSource;
    private final String location;
    private final List<Migration> migrations;
    private volatile DerbyDatabase database;
    private volatile MachineStoreException failure;
    private volatile Instant failingSince;
    private volatile int attempts;
    private ScheduledFuture<?> retries;

    /** {@code location} names the database in errors before a connection could tell it (may be null). */
    public DatabaseOpener(DataSource dataSource, String location, List<Migration> migrations) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.location = location;
        this.migrations = List.copyOf(migrations);
    }

    /**
     * Tries to open the database once, now; when that fails, tries again every {@code retry} on
     * {@code executor} until it opens, then calls {@code opened} (on the executor's thread, or on
     * the caller's when the first attempt succeeds). Returns whether the first attempt succeeded.
     */
    public synchronized boolean start(ScheduledExecutorService executor, Duration retry, Consumer<DerbyDatabase> opened) {
        if (attempt()) {
            opened.accept(database);
            return true;
        }
        if (failure instanceof SchemaTooNewException) {
            return false;
        }
        long millis = Math.max(1, retry.toMillis());
        retries = executor.scheduleWithFixedDelay(() -> retry(opened), millis, millis, TimeUnit.MILLISECONDS);
        return false;
    }

    private void retry(Consumer<DerbyDatabase> opened) {
        if (database != null) {
            return;
        }
        if (attempt()) {
            synchronized (this) {
                retries.cancel(false);
            }
            LOG.info("Derby store at {} opened after {} attempts", location(), attempts);
            opened.accept(database);
        }
    }

    /** One attempt; returns whether the database is open. Never throws. */
    public boolean attempt() {
        if (database != null) {
            return true;
        }
        attempts++;
        try {
            database = DerbyDatabase.open(dataSource, location, migrations);
            failure = null;
            failingSince = null;
            return true;
        } catch (MachineStoreException e) {
            if (failure == null || !Objects.equals(failure.getMessage(), e.getMessage())) {
                LOG.error("{}", e.getMessage());
            }
            if (failingSince == null) {
                failingSince = Instant.now();
            }
            failure = e;
            return false;
        } catch (RuntimeException e) {
            MachineStoreException wrapped = new DerbyStoreException(location(), "opening the database", e);
            LOG.error("{}", wrapped.getMessage(), e);
            failingSince = failingSince == null ? Instant.now() : failingSince;
            failure = wrapped;
            return false;
        }
    }

    /** The open database, once it is. */
    public Optional<DerbyDatabase> database() {
        return Optional.ofNullable(database);
    }

    /** The open database, or a {@link MachineStoreException} saying why it is not open. */
    public DerbyDatabase require() {
        DerbyDatabase open = database;
        if (open != null) {
            return open;
        }
        MachineStoreException why = failure;
        throw new MachineStoreException(why == null ? "Derby store at " + location() + " is not open yet"
                : why.getMessage(), why);
    }

    /** Why the last attempt failed; empty once open. */
    public Optional<MachineStoreException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Since when opening has been failing; empty once open. */
    public Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince);
    }

    /** Whether failed attempts are being repeated (not for a database newer than this code). */
    public synchronized boolean retrying() {
        return retries != null && !retries.isDone();
    }

    public int attempts() {
        return attempts;
    }

    /** Where the database is: as opened, else as configured. */
    public String location() {
        DerbyDatabase open = database;
        return open != null ? open.location() : location == null ? "(unknown Derby database)" : location;
    }
}
