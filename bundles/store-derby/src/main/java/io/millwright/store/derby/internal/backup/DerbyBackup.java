package io.millwright.store.derby.internal.backup;

import io.millwright.api.store.MachineStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online backups of the store's database into timestamped folders, keeping the newest few, and
 * restore of one into a fresh database directory. Writers go on while a backup runs; the copy holds
 * every transaction committed before the backup started.
 */
public final class DerbyBackup {

    private static final Logger LOG = LoggerFactory.getLogger(DerbyBackup.class);
    private static final String PREFIX = "millwright-";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    /** The folders this class makes, and so may prune: millwright-20261124-060000-123 (-2 on a clash). */
    private static final Pattern BACKUP_FOLDER = Pattern.compile(PREFIX + "\\d{8}-\\d{6}-\\d{3}(-\\d+)?");
    /** Derby writes it at the top of every database directory. */
    private static final String DERBY_MARKER = "service.properties";

    private DerbyBackup() {
    }

    /**
     * Backs the database up into a new {@code millwright-<UTC time>} folder under {@code targetDir},
     * then deletes all but the newest {@code keep} such folders. Returns the new folder; the database
     * copy is the one directory inside it.
     */
    public static Path backup(DataSource dataSource, Path targetDir, int keep) {
        return backup(dataSource, targetDir, keep, Clock.systemUTC());
    }

    static Path backup(DataSource dataSource, Path targetDir, int keep, Clock clock) {
        if (keep < 1) {
            throw new IllegalArgumentException("a backup must keep at least 1 copy, not " + keep);
        }
        Path folder;
        try {
            Files.createDirectories(targetDir);
            folder = newFolder(targetDir, clock);
        } catch (IOException e) {
            throw new MachineStoreException("cannot create backup folder under " + targetDir + ": " + e, e);
        }
        try (Connection connection = dataSource.getConnection();
             CallableStatement call = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            call.setString(1, folder.toAbsolutePath().toString());
            call.execute();
        } catch (SQLException e) {
            deleteQuietly(folder);
            throw new MachineStoreException("backup of the Derby store into " + folder + " failed: " + e.getMessage()
                    + " (SQLState " + e.getSQLState() + ")", e);
        }
        LOG.info("Derby store backed up into {}", folder);
        prune(targetDir, keep);
        return folder;
    }

    /**
     * Makes {@code newDbDir} a database restored from {@code backupDir} (a folder made by
     * {@link #backup}, or the database directory inside it), by copying it: open it with a data
     * source on {@code newDbDir}. Refuses to overwrite anything.
     */
    public static Path restore(Path backupDir, Path newDbDir) {
        Path source = databaseIn(backupDir);
        if (Files.exists(newDbDir)) {
            throw new MachineStoreException("will not restore " + source + " over " + newDbDir
                    + ": it exists; restore into a new directory");
        }
        try {
            copyTree(source, newDbDir);
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(newDbDir);
            throw new MachineStoreException("restoring " + source + " into " + newDbDir + " failed: " + e, e);
        }
        LOG.info("Derby store restored from {} into {}", source, newDbDir);
        return newDbDir;
    }

    /** The backup folders under {@code targetDir}, oldest first. */
    public static List<Path> backups(Path targetDir) {
        if (!Files.isDirectory(targetDir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(targetDir)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> BACKUP_FOLDER.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new MachineStoreException("cannot list backups in " + targetDir + ": " + e, e);
        }
    }

    private static Path newFolder(Path targetDir, Clock clock) throws IOException {
        String name = PREFIX + STAMP.format(clock.instant());
        Path folder = targetDir.resolve(name);
        for (int n = 2; Files.exists(folder); n++) {
            folder = targetDir.resolve(name + "-" + n);
        }
        return Files.createDirectory(folder);
    }

    private static void prune(Path targetDir, int keep) {
        List<Path> all = new ArrayList<>(backups(targetDir));
        // names sort by time; among the same millisecond "-2" sorts after the plain name, as it should
        for (Path old : all.subList(0, Math.max(0, all.size() - keep))) {
            try {
                deleteTree(old);
                LOG.info("Deleted old Derby store backup {}", old);
            } catch (IOException e) {
                LOG.warn("Could not delete old Derby store backup {}: {}", old, e.toString());
            }
        }
    }

    private static Path databaseIn(Path backupDir) {
        if (Files.isRegularFile(backupDir.resolve(DERBY_MARKER))) {
            return backupDir;
        }
        try (Stream<Path> children = Files.list(backupDir)) {
            List<Path> databases = children.filter(p -> Files.isRegularFile(p.resolve(DERBY_MARKER))).toList();
            if (databases.size() != 1) {
                throw new MachineStoreException(backupDir + " holds " + databases.size()
                        + " Derby databases, expected exactly one: " + databases);
            }
            return databases.get(0);
        } catch (IOException e) {
            throw new MachineStoreException("cannot read backup " + backupDir + ": " + e, e);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            deleteTree(path);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", path, e.toString());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
