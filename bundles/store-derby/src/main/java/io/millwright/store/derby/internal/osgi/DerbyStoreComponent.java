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
import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.backup.DerbyBackup;
import io.millwright.store.derby.internal.history.DerbyMachineStore;
import io.millwright.store.derby.internal.outbox.DerbyOutbox;
import io.millwright.store.derby.internal.retention.DataClass;
import io.millwright.store.derby.internal.retention.RetentionPolicy;
import io.millwright.store.derby.internal.retention.RetentionPurger;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
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
 */
@Component(service = {MachineStore.class, Outbox.class, HealthCheck.class, DerbyStoreComponent.class},
        configurationPid = "io.millwright.store", immediate = true,
        property = {Constants.SERVICE_RANKING + ":Integer=100", "millwright.store=derby"})
@Designate(ocd = StoreConfig.class)
public class DerbyStoreComponent implements MachineStore, Outbox, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DerbyStoreComponent.class);

    @Reference(target = "(dataSourceName=millwright)")
    private DataSource dataSource;

    private DerbyDatabase database;
    private DerbyMachineStore history;
    private DerbyOutbox outbox;
    private ScheduledExecutorService maintenance;
    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
    private volatile StoreConfig config;
    private volatile String purgeFailure;
    private volatile String backupFailure;
    private volatile Instant lastBackup;
    private volatile Path lastBackupPath;
    private volatile Map<DataClass, Long> lastPurge = Map.of();

    @Activate
    void activate(StoreConfig config) {
        // a database newer than this code, locked by another instance or corrupt fails here, named
        database = DerbyDatabase.open(dataSource);
        history = new DerbyMachineStore(database);
        outbox = new DerbyOutbox(database);
        maintenance = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "millwright-store-maintenance"));
        schedule(config);
        LOG.info("Millwright store on Derby at {} (schema {})", database.location(), database.schemaVersion());
    }

    @Modified
    void modified(StoreConfig config) {
        schedule(config);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        maintenance.shutdownNow();
        maintenance.awaitTermination(30, TimeUnit.SECONDS);
    }

    private synchronized void schedule(StoreConfig newConfig) {
        for (ScheduledFuture<?> schedule : schedules) {
            schedule.cancel(false);
        }
        schedules.clear();
        config = newConfig;
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
            lastPurge = new RetentionPurger(database, Clock.systemUTC()).purge(RetentionPolicy.days(
                    c.stateChangesDays(), c.downtimesDays(), c.countsDays(), c.deliveredOutboxDays()));
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
        return database.location();
    }

    public int schemaVersion() {
        return database.schemaVersion();
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

    // --- MachineStore and Outbox, by delegation -------------------------------------------

    @Override
    public void append(MachineBatch batch) {
        history.append(batch);
    }

    @Override
    public Optional<MachineCheckpoint> checkpoint(String machineId) {
        return history.checkpoint(machineId);
    }

    @Override
    public List<StateChanged> stateChanges(String machineId, Instant from, Instant to) {
        return history.stateChanges(machineId, from, to);
    }

    @Override
    public List<DowntimeRecord> downtimes(String machineId, Instant from, Instant to) {
        return history.downtimes(machineId, from, to);
    }

    @Override
    public Optional<DowntimeRecord> downtime(String downtimeId) {
        return history.downtime(downtimeId);
    }

    @Override
    public List<CountRecorded> counts(String machineId, Instant from, Instant to) {
        return history.counts(machineId, from, to);
    }

    @Override
    public List<OutboxEntry> read(String consumer, int max) {
        return outbox.read(consumer, max);
    }

    @Override
    public void acknowledge(String consumer, long sequence) {
        outbox.acknowledge(consumer, sequence);
    }

    @Override
    public long depth(String consumer) {
        return outbox.depth(consumer);
    }

    @Override
    public Map<String, Long> cursors() {
        return outbox.cursors();
    }

    // --- health ---------------------------------------------------------------------------

    @Override
    public String name() {
        return "store";
    }

    @Override
    public List<HealthFinding> check() {
        List<HealthFinding> findings = new ArrayList<>();
        String subject = "store " + database.location();
        if (purgeFailure != null) {
            findings.add(new HealthFinding(Severity.ERROR, subject, "retention purge failed: " + purgeFailure));
        }
        if (backupFailure != null) {
            findings.add(new HealthFinding(Severity.ERROR, subject, backupFailure));
        }
        try {
            for (String consumer : outbox.cursors().keySet()) {
                long depth = outbox.depth(consumer);
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
