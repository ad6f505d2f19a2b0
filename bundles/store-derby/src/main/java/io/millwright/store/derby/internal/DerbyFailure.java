package io.millwright.store.derby.internal;

import java.io.IOException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What went wrong with the database, in words a plant IT person can act on: the one place where
 * Derby's SQLStates and the operating system's I/O messages are mapped to "the disk is full", "the
 * database is damaged" or "another process has it open". Derby nests the real cause several levels
 * deep (XJ040 "failed to start database" around XSDB6, or XSDFI "error during recovery" around an
 * invalid page checksum), so the whole chain of causes and next exceptions is read.
 */
public final class DerbyFailure {

    /** The kinds of failure that need different action from a person. */
    public enum Kind {
        /** The disk (or a file size limit, or a quota) is full, or the file system is read only. */
        DISK_FULL,
        /** The database files are damaged: restore a backup. */
        DAMAGED,
        /** Another process (another Millwright on the same folder?) has the database open. */
        IN_USE,
        /** Anything else: Derby's own words are passed on. */
        OTHER
    }

    /** Where the restore procedure is written down, for the DAMAGED advice. */
    public static final String RESTORE_DOC = "docs/store.md, section Restore";

    /** The operating system's words for a write that found no room (ENOSPC, EFBIG, EDQUOT, EROFS). */
    private static final List<String> NO_ROOM_WORDS = List.of("no space left on device", "file too large",
            "disk quota exceeded", "read-only file system", "not enough space on the disk");
    /** Derby cannot write a page, the log, a container or during recovery: usually a full disk. */
    private static final Set<String> WRITE_FAILED = Set.of("XSDG1", "XSLA0", "XSLA2", "XSLA4", "XSDF1",
            "XSDF3", "XSDFI", "XSLAF", "XSLAH");
    /** Invalid checksum, unknown page or container format, corrupt log, cannot recover. */
    private static final Set<String> DAMAGE = Set.of("XSDG2", "XSDG0", "XSDG3", "XSDB0", "XSDB1", "XSDB2",
            "XSDB3", "XSDB4", "XSDB5", "XSLA3", "XSLA6", "XSLAB", "XSLAE", "XSLAK", "XSLAL", "XSLAM", "XSLAQ",
            "XSLAR", "XSLAS", "XSDAC", "XSDAD", "XSDAE", "XSDAF");
    private static final String BOOTED_ELSEWHERE = "XSDB6";
    /** "Failed to start database ..., see the next exception for details." */
    private static final String SEE_NEXT = "XJ040";
    private static final int MAX_DERBY_WORDS = 240;

    private final Kind kind;
    private final String sqlState;
    private final String derbySays;

    private DerbyFailure(Kind kind, String sqlState, String derbySays) {
        this.kind = kind;
        this.sqlState = sqlState;
        this.derbySays = derbySays;
    }

    /** Reads the chain of {@code failure} (causes and next exceptions) and tells what it means. */
    public static DerbyFailure of(Throwable failure) {
        List<Throwable> chain = chain(failure);
        List<String> states = new ArrayList<>();
        boolean noRoom = false;
        for (Throwable t : chain) {
            String state = sqlStateOf(t);
            if (state != null) {
                states.add(state);
            }
            if (t instanceof IOException && t.getMessage() != null
                    && NO_ROOM_WORDS.stream().anyMatch(t.getMessage().toLowerCase(Locale.ROOT)::contains)) {
                noRoom = true;
            }
        }
        // damage first: Derby reports a bad page found during recovery as a write failure (XSDFI)
        Kind kind;
        if (noRoom) {
            kind = Kind.DISK_FULL;
        } else if (states.stream().anyMatch(DAMAGE::contains)) {
            kind = Kind.DAMAGED;
        } else if (states.contains(BOOTED_ELSEWHERE)) {
            kind = Kind.IN_USE;
        } else if (states.stream().anyMatch(WRITE_FAILED::contains)) {
            kind = Kind.DISK_FULL;
        } else {
            kind = Kind.OTHER;
        }
        Throwable deepest = deepestDerbyMessage(chain, kind);
        String state = sqlStateOf(deepest);
        return new DerbyFailure(kind, state == null && !states.isEmpty() ? states.get(0) : state,
                firstLine(deepest.getMessage()));
    }

    public Kind kind() {
        return kind;
    }

    /**
     * One sentence for a person, naming the database: what is wrong in plain words, then what Derby
     * said (first line only: Derby appends page dumps to some messages).
     */
    public String describe(String location, String what) {
        String plain = switch (kind) {
            case DISK_FULL -> "cannot write to disk at " + location + ": the disk is full (or a quota or file size"
                    + " limit was reached, or the file system is read only). Free space there; the store writes"
                    + " again by itself once it can";
            case DAMAGED -> "the database at " + location + " is damaged and cannot be read. Stop Millwright and"
                    + " restore the newest backup (" + RESTORE_DOC + "); keep the damaged folder for analysis";
            case IN_USE -> "the database at " + location + " is open in another process (another Millwright"
                    + " instance using the same data folder?). Stop that process; the store opens by itself"
                    + " once it is free";
            case OTHER -> "the database at " + location + " reported an error";
        };
        return "Derby store at " + location + ": " + what + " failed: " + plain + ". Derby says: " + derbySays
                + (sqlState == null ? "" : " (SQLState " + sqlState + ")");
    }

    /** Every throwable reachable by causes and next exceptions, outermost first, each once. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> queue = new ArrayDeque<>();
        queue.add(failure);
        while (!queue.isEmpty() && chain.size() < 50) {
            Throwable t = queue.poll();
            if (!seen.add(t)) {
                continue;
            }
            chain.add(t);
            if (t.getCause() != null) {
                queue.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                queue.add(sql.getNextException());
            }
        }
        return chain;
    }

    /**
     * SQLException's state, or that of Derby's internal StandardException (read by name, as this
     * bundle does not import Derby's packages).
     */
    private static String sqlStateOf(Throwable t) {
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        try {
            Method method = t.getClass().getMethod("getSQLState");
            Object state = method.invoke(t);
            return state instanceof String s ? s : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The innermost throwable whose state fits the kind; for other failures the outermost, which
     * carries what the store was doing, unless that only says "see the next exception".
     */
    private static Throwable deepestDerbyMessage(List<Throwable> chain, Kind kind) {
        if (kind == Kind.OTHER && !SEE_NEXT.equals(sqlStateOf(chain.get(0))) && chain.get(0).getMessage() != null) {
            return chain.get(0);
        }
        Throwable fitting = null;
        Throwable withState = null;
        for (Throwable t : chain) {
            String state = sqlStateOf(t);
            if (state == null || t.getMessage() == null) {
                continue;
            }
            withState = t;
            boolean fits = switch (kind) {
                case DISK_FULL -> WRITE_FAILED.contains(state);
                case DAMAGED -> DAMAGE.contains(state);
                case IN_USE -> BOOTED_ELSEWHERE.equals(state);
                case OTHER -> false;
            };
            if (fits) {
                fitting = t;
            }
        }
        return fitting != null ? fitting : withState != null ? withState : chain.get(0);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        int dump = line.indexOf(", page dump follows");
        line = dump < 0 ? line : line.substring(0, dump);
        return line.length() <= MAX_DERBY_WORDS ? line : line.substring(0, MAX_DERBY_WORDS) + "...";
    }
}
