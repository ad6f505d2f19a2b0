package io.millwright.store.derby.internal.trouble;

import io.millwright.store.derby.internal.TestDerby;
import java.nio.file.Path;

/**
 * A separate JVM that has the database open, as a second Millwright instance on the same folder
 * would: opens it, prints {@code OPEN}, and holds it until its stdin closes, then shuts it down.
 *
 * <p>Arguments: {@code <database dir>}.
 */
public final class DatabaseHolder {

    private DatabaseHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        TestDerby.open(dir);
        System.out.println("OPEN");
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold until the test closes our stdin
        }
        TestDerby.shutdown(dir);
        System.out.println("CLOSED");
    }
}
