package io.millwright.store.derby.internal.crash;

import io.millwright.api.machine.MachineEvent;
import io.millwright.api.store.MachineBatch;
import io.millwright.store.derby.internal.TestDerby;
import io.millwright.store.derby.internal.history.DerbyMachineStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A separate JVM for {@link CrashRecoveryTest}: opens the store on a directory, first appends again
 * the batches of the previous run it is told of (the last acknowledged one and the one that may have
 * been in flight, as the core retries what it is unsure of), then appends batches until it is killed,
 * printing {@code ACK <n> <last event key>} for each only after {@code append} returned.
 *
 * <p>Arguments: {@code <database dir> <run> [<previous run> <first batch> <last batch>]}.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int run = Integer.parseInt(args[1]);
        PrintStream out = System.out;
        DerbyMachineStore store = new DerbyMachineStore(TestDerby.open(dir));
        if (args.length == 5) {
            int previous = Integer.parseInt(args[2]);
            for (long n = Long.parseLong(args[3]); n <= Long.parseLong(args[4]); n++) {
                store.append(new MachineBatch(CrashLoad.batch(previous, n), List.of()));
            }
        }
        out.println("OPEN");
        out.flush();
        for (long n = 0; ; n++) {
            List<MachineEvent> batch = CrashLoad.batch(run, n);
            store.append(new MachineBatch(batch, List.of()));
            out.println("ACK " + n + " " + batch.get(batch.size() - 1).eventKey());
            out.flush();
        }
    }
}
