package io.millwright.store.derby.internal.osgi;

import io.millwright.api.health.HealthCheck;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.StateChanged;
import io.millwright.api.outbox.Outbox;
import io.millwright.api.outbox.OutboxEntry;
import io.millwright.api.store.DowntimeRecord;
import io.millwright.api.store.MachineBatch;
import io.millwright.api.store.MachineCheckpoint;
import io.millwright.api.store.MachineStore;
import io.millwright.api.store.MachineStoreException;
import io.millwright.store.derby.internal.DatabaseOpener;
import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.backup.DerbyBackup;
import io.millwright.store.derby.internal.history.DerbyMachineStore;
import io.millwright.store.derby.internal.outbox.DerbyOutbox;
import io.millwright.store.derby.internal.retention.DataClass;
import io.millwright.store.derby.internal.retention.RetentionPolicy;
import io.millwright.store.derby.internal.retention.RetentionPurger;
import io.millwright.store.derby.internal.schema.Migrations;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable store on embedded Derby: machine history and the outbox in one database behind the
 * {@code millwright} DataSource (pax-jdbc, {@code etc/org.ops4j.datasource-millwright.cfg}),
 * with scheduled retention purges and backups. Ranks above the core's in-memory store, so the core
 * switches to it as soon as it is up. Owns one thread, for maintenance.
 *
 * <p>The services are registered even while the database cannot be opened (in use by another
 * process, disk full, damaged): appends then fail with the reason, naming the path, so the core holds
 * its events in memory and retries; health reports the reason as an ERROR, and the database is tried
 * again every {@code openRetrySeconds} until it opens.
 */
@Component(service = {MachineStore.class, Outbox.class, HealthCheck.class, DerbyStoreComponent.class},
        configurationPid = "io.millwright.store", immediate = true,
        property = {Constants.SERVICE_RANKING + ":Integer=100", "millwright.store=derby"})
@Designate(ocd = StoreConfig.class)
public class DerbyStoreComponent implements MachineStore, Outbox, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DerbyStoreComponent.class);

    private DataSource dataSource;
    private String configuredLocation;

    private DatabaseOpener opener;
    private volatile Opened opened;
    private ScheduledExecutorService maintenance;
    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
    private volatile StoreConfig config;
    private volatile String purgeFailure;
    private volatile String backupFailure;
    private volatile String writeFailure;
    private volatile Instant lastBackup;
    private volatile Path lastBackupPath;
    private volatile Map<DataClass, Long> lastPurge = Map.of();

    /** The database once open, with the stores on it. */
    private record Opened(DerbyDatabase database, DerbyMachineStore history, DerbyOutbox outbox) {
    }

    @Reference(target = "(dataSourceName=millwright)")
    void bindDataSource(DataSource source, Map<String, Object> properties) {
        dataSource = source;
        configuredLocation = configuredLocation(properties);
    }

    /** The database path from the DataSource's configuration (pax-jdbc passes {@code url} on as a property). */
    static String configuredLocation(Map<String, Object> properties) {
        Object url = properties.get("url");
        if (url instanceof String s && !s.isBlank()) {
            return DerbyDatabase.locationOf(s);
        }
        Object name = properties.get("databaseName");
        return name instanceof String s && !s.isBlank() ? s : null;
    }

    @Activate
    void activate(StoreConfig config) {
        this.config = config;
        maintenance = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "millwright-store-maintenance"));
        opener = new DatabaseOpener(dataSource, configuredLocation, Migrations.ALL);
        // the first attempt runs here, so the core finds the checkpoints when it binds this store
        opener.start(maintenance, Duration.ofSeconds(config.openRetrySeconds()), this::opened);
    }

    private void opened(DerbyDatabase database) {
        opened = new Opened(database, new DerbyMachineStore(database), new DerbyOutbox(database));
        schedule(config);
        LOG.info("Millwright store on Derby at {} (schema {})", database.location(), database.schemaVersion());
    }

    @Modified
    void modified(StoreConfig config) {
        this.config = config;
        if (opened != null) {
            schedule(config);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        maintenance.shutdownNow();
        maintenance.awaitTermination(30, TimeUnit.SECONDS);
        Opened current = opened;
        if (current != null) {
            current.history().close();
        }
    }

    private synchronized void schedule(StoreConfig newConfig) {
        for (ScheduledFuture<?> schedule : schedules) {
            schedule.cancel(false);
        }
        schedules.clear();
        schedules.add(maintenance.scheduleWithFixedDelay(this::purge, 1, newConfig.purgeIntervalMinutes(),
                TimeUnit.MINUTES));
        if (newConfig.backupIntervalHours() > 0) {
            schedules.add(maintenance.scheduleWithFixedDelay(this::scheduledBackup, newConfig.backupIntervalHours(),
                    newConfig.backupIntervalHours(), TimeUnit.HOURS));
        }
    }

    private void purge() {
        StoreConfig c = config;
        try {
            lastPurge = new RetentionPurger(open().database(), Clock.systemUTC()).purge(RetentionPolicy.days(
                    c.stateChangesDays(), c.downtimesDays(), c.countsDays(), c.deliveredOutboxDays(),
                    c.tagHistoryDays()));
            purgeFailure = null;
        } catch (RuntimeException e) {
            purgeFailure = e.getMessage();
            LOG.error("Retention purge failed: {}", e.getMessage());
        }
    }

    private void scheduledBackup() {
        try {
            backupNow(null);
        } catch (RuntimeException e) {
            LOG.error("Scheduled backup failed: {}", e.getMessage());
        }
    }

    /** Takes an online backup into {@code directory} (or the configured one) and keeps the newest copies. */
    public Path backupNow(String directory) {
        StoreConfig c = config;
        DerbyDatabase database = open().database();
        Path target = directory == null || directory.isBlank() ? backupDirectory(c) : Paths.get(directory);
        try {
            Path copy = DerbyBackup.backup(dataSource, target, c.backupKeep());
            lastBackup = Instant.now();
            lastBackupPath = copy;
            backupFailure = null;
            LOG.info("Backup of {} written to {}", database.location(), copy);
            return copy;
        } catch (RuntimeException e) {
            backupFailure = "backup to " + target + " failed: " + e.getMessage();
            throw e;
        }
    }

    static Path backupDirectory(StoreConfig c) {
        if (!c.backupDirectory().isBlank()) {
            return Paths.get(c.backupDirectory());
        }
        return Paths.get(System.getProperty("karaf.data", "data"), "millwright", "backups");
    }

    public Path configuredBackupDirectory() {
        return backupDirectory(config);
    }

    public String location() {
        return opener.location();
    }

    /** The open database; empty while it cannot be opened (see {@link #openFailure()}). */
    public Optional<DerbyDatabase> database() {
        Opened o = opened;
        return o == null ? Optional.empty() : Optional.of(o.database());
    }

    /** The open database, or a {@link MachineStoreException} naming the path and why it is not open. */
    public DerbyDatabase requireDatabase() {
        return open().database();
    }

    /** Why the database is not open; empty once it is. */
    public Optional<String> openFailure() {
        return opened != null ? Optional.empty() : opener.failure().map(Throwable::getMessage);
    }

    public int schemaVersion() {
        return open().database().schemaVersion();
    }

    public Optional<Instant> lastBackup() {
        return Optional.ofNullable(lastBackup);
    }

    public Map<DataClass, Long> lastPurge() {
        return lastPurge;
    }

    public StoreConfig config() {
        return config;
    }

    private Opened open() {
        Opened o = opened;
        if (o == null) {
            DerbyDatabase database = opener.require();
            // opened a moment ago; the stores on it are being set up
            throw new MachineStoreException("Derby store at " + database.location() + " is just opening; try again");
        }
        return o;
    }

    // --- MachineStore and Outbox, by delegation -------------------------------------------

    @Override
    public void append(MachineBatch batch) {
        // a database that is not open is reported as such; this is for one that is, and cannot write
        DerbyMachineStore history = open().history();
        try {
            history.append(batch);
            writeFailure = null;
        } catch (MachineStoreException e) {
            writeFailure = e.getMessage();
            throw e;
        }
    }

    @Override
    public Optional<MachineCheckpoint> checkpoint(String machineId) {
        return open().history().checkpoint(machineId);
    }

    @Override
    public List<StateChanged> stateChanges(String machineId, Instant from, Instant to) {
        return open().history().stateChanges(machineId, from, to);
    }

    @Override
    public List<DowntimeRecord> downtimes(String machineId, Instant from, Instant to) {
        return open().history().downtimes(machineId, from, to);
    }

    @Override
    public Optional<DowntimeRecord> downtime(String downtimeId) {
        return open().history().downtime(downtimeId);
    }

    @Override
    public List<CountRecorded> counts(String machineId, Instant from, Instant to) {
        return open().history().counts(machineId, from, to);
    }

    @Override
    public List<OutboxEntry> read(String consumer, int max) {
        return open().outbox().read(consumer, max);
    }

    @Override
    public void acknowledge(String consumer, long sequence) {
        open().outbox().acknowledge(consumer, sequence);
    }

    @Override
    public long depth(String consumer) {
        return open().outbox().depth(consumer);
    }

    @Override
    public Map<String, Long> cursors() {
        return open().outbox().cursors();
    }

    // --- health ---------------------------------------------------------------------------

    @Override
    public String name() {
        return "store";
    }

    @Override
    public List<HealthFinding> check() {
        List<HealthFinding> findings = new ArrayList<>();
        String subject = "store " + opener.location();
        Opened o = opened;
        if (o == null) {
            String since = opener.failingSince().map(t -> " since " + t).orElse("");
            String retry = opener.retrying() ? ", trying again every " + config.openRetrySeconds() + " s" : "";
            findings.add(new HealthFinding(Severity.ERROR, subject, opener.failure().map(Throwable::getMessage)
                    .orElse("the database is not open yet") + " — not open" + since + " (" + opener.attempts()
                    + " attempts)" + retry + "; meanwhile the core holds machine events in memory"));
            return findings;
        }
        if (writeFailure != null) {
            findings.add(new HealthFinding(Severity.ERROR, subject, "writes fail: " + writeFailure));
        }
        if (purgeFailure != null) {
            findings.add(new HealthFinding(Severity.ERROR, subject, "retention purge failed: " + purgeFailure));
        }
        if (backupFailure != null) {
            findings.add(new HealthFinding(Severity.ERROR, subject, backupFailure));
        }
        try {
            for (String consumer : o.outbox().cursors().keySet()) {
                long depth = o.outbox().depth(consumer);
                if (depth > config.outboxWarnDepth()) {
                    findings.add(new HealthFinding(Severity.WARNING, "outbox " + consumer,
                            depth + " entries not yet delivered"));
                }
            }
        } catch (RuntimeException e) {
            findings.add(new HealthFinding(Severity.ERROR, subject, "cannot read the outbox: " + e.getMessage()));
        }
        return findings;
    }
}
