package io.millwright.store.derby.internal.trouble;

import io.millwright.api.machine.MachineEvent;
import io.millwright.api.machine.MachineState;
import io.millwright.api.machine.StateChanged;
import io.millwright.api.store.MachineBatch;
import io.millwright.api.store.MachineStoreException;
import io.millwright.store.derby.internal.TestDerby;
import io.millwright.store.derby.internal.history.DerbyMachineStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate JVM, started with a file size limit, that appends batches until the disk is "full":
 * prints {@code ACK <n>} after each append that returned, then, when one throws, tries it twice more
 * (as the core retries), prints {@code FULL <message>} and exits normally. Any other outcome (another
 * exception, a crash, a hang) fails the test.
 *
 * <p>Arguments: {@code <database dir>}.
 */
public final class DiskFullWriter {

    static final int EVENTS_PER_BATCH = 100;
    private static final int MAX_BATCHES = 100_000;

    private DiskFullWriter() {
    }

    /** Batch {@code n}: state changes of ten machines, each with a key no other batch has. */
    static List<MachineEvent> batch(long n) {
        List<MachineEvent> events = new ArrayList<>(EVENTS_PER_BATCH);
        for (int i = 0; i < EVENTS_PER_BATCH; i++) {
            boolean even = i % 2 == 0;
            events.add(new StateChanged("full-m" + (i % 10), Instant.ofEpochMilli(n * 1_000 + i),
                    even ? MachineState.RUNNING : MachineState.IDLE, even ? MachineState.IDLE : MachineState.RUNNING));
        }
        return events;
    }

    public static void main(String[] args) {
        DerbyMachineStore store = new DerbyMachineStore(TestDerby.open(Path.of(args[0])));
        System.out.println("OPEN");
        for (long n = 0; n < MAX_BATCHES; n++) {
            MachineBatch batch = new MachineBatch(batch(n), List.of());
            try {
                store.append(batch);
            } catch (MachineStoreException e) {
                for (int retry = 0; retry < 2; retry++) {
                    try {
                        store.append(batch);
                        System.out.println("UNEXPECTED retry " + retry + " of batch " + n + " was stored");
                        return;
                    } catch (MachineStoreException again) {
                        // still full, as expected
                    }
                }
                System.out.println("FULL " + e.getMessage());
                System.out.flush();
                return;
            }
            System.out.println("ACK " + n);
        }
        System.out.println("NEVER FULL after " + MAX_BATCHES + " batches");
    }
}
