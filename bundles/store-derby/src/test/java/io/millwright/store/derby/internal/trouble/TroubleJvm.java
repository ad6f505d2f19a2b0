package io.millwright.store.derby.internal.trouble;

import java.nio.file.Path;

/** The child JVMs of this package, for tests in other packages. */
public final class TroubleJvm implements AutoCloseable {

    private final ChildJvm child;

    private TroubleJvm(ChildJvm child) {
        this.child = child;
    }

    /** A JVM that has opened {@code db} and holds it until {@link #release()}. */
    public static TroubleJvm holdDatabase(Path workDir, Path db) throws Exception {
        ChildJvm child = ChildJvm.start(workDir, DatabaseHolder.class, db.toString());
        child.awaitLine("OPEN", 60);
        return new TroubleJvm(child);
    }

    /** Lets the holder shut the database down and exit; returns its exit code. */
    public int release() throws Exception {
        return child.finish(30);
    }

    @Override
    public void close() {
        child.close();
    }
}
