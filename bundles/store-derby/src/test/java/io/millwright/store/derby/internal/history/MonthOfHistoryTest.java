package io.millwright.store.derby.internal.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.DowntimeEnded;
import io.millwright.api.machine.DowntimeStarted;
import io.millwright.api.machine.MachineEvent;
import io.millwright.api.machine.MachineState;
import io.millwright.api.machine.StateChanged;
import io.millwright.api.store.DowntimeRecord;
import io.millwright.api.store.MachineBatch;
import io.millwright.store.derby.internal.TestDerby;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OEE queries over a month of one machine of a 50-machine plant: 43,200 minute buckets, 1,000
 * stops (2,000 state changes), beside six hours of buckets for each of the other 49 machines (so the
 * indexes hold 50 machines). Sizes are asserted; times are printed, never asserted.
 */
class MonthOfHistoryTest {

    private static final Instant MONTH = Instant.parse("2026-10-01T00:00:00Z");
    private static final int MINUTES = 30 * 24 * 60;
    private static final int STOPS = 1_000;
    private static final Duration CYCLE = Duration.ofMillis(850);

    @TempDir
    Path dir;

    @Test
    void aMonthOfOneMachineIsReadBackWhole() {
        Path db = dir.resolve("db");
        DerbyMachineStore store = new DerbyMachineStore(TestDerby.open(db));
        long loadStart = System.nanoTime();
        int events = load(store);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        Instant end = MONTH.plus(Duration.ofDays(30));
        long t0 = System.nanoTime();
        List<StateChanged> states = store.stateChanges("press-00", MONTH, end);
        long t1 = System.nanoTime();
        List<DowntimeRecord> downtimes = store.downtimes("press-00", MONTH, end);
        long t2 = System.nanoTime();
        List<CountRecorded> counts = store.counts("press-00", MONTH, end);
        long t3 = System.nanoTime();

        assertThat(states).hasSize(2 * STOPS);
        assertThat(downtimes).hasSize(STOPS).allMatch(d -> !d.isOpen());
        assertThat(counts).hasSize(MINUTES);
        assertThat(counts.stream().mapToLong(CountRecorded::total).sum()).isEqualTo(70L * MINUTES);

        // a window inside the month: the change before it comes first
        Instant from = MONTH.plus(Duration.ofDays(10)).plusSeconds(1);
        List<StateChanged> tenthDay = store.stateChanges("press-00", from, from.plus(Duration.ofDays(1)));
        assertThat(tenthDay.get(0).time()).isBefore(from);
        assertThat(tenthDay.subList(1, tenthDay.size())).allMatch(s -> !s.time().isBefore(from));

        System.out.printf("[month] loaded %d events in %.1f s (%.0f events/s); one machine's month: state changes"
                        + " %.1f ms, downtimes %.1f ms, counts %.1f ms, together %.1f ms%n",
                events, loadSeconds, events / loadSeconds, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6,
                (t3 - t0) / 1e6);
        TestDerby.shutdown(db);
    }

    /** The month of press-00 in batches of 1,000 events, then six hours of each other press. */
    private static int load(DerbyMachineStore store) {
        List<MachineEvent> batch = new ArrayList<>();
        int events = 0;
        int everyStop = MINUTES / STOPS;
        for (int minute = 0; minute < MINUTES; minute++) {
            Instant t = MONTH.plus(Duration.ofMinutes(minute));
            batch.add(new CountRecorded("press-00", t, 70, 2, "P-1", CYCLE));
            if (minute % everyStop == 0 && minute / everyStop < STOPS) {
                String id = "press-00-" + t.toEpochMilli();
                Instant back = t.plusSeconds(300);
                batch.add(new StateChanged("press-00", t.plusSeconds(1), MachineState.RUNNING, MachineState.DOWN));
                batch.add(new DowntimeStarted("press-00", t.plusSeconds(1), id, MachineState.DOWN, "MECH.JAM"));
                batch.add(new DowntimeEnded("press-00", back, id, MachineState.DOWN, null, Duration.ofSeconds(299),
                        false));
                batch.add(new StateChanged("press-00", back, MachineState.DOWN, MachineState.RUNNING));
            }
            if (batch.size() >= 1_000) {
                events += flush(store, batch);
            }
        }
        for (int press = 1; press < 50; press++) {
            for (int minute = 0; minute < 6 * 60; minute++) {
                batch.add(new CountRecorded(String.format("press-%02d", press), MONTH.plus(Duration.ofMinutes(minute)),
                        70, 2, "P-1", CYCLE));
                if (batch.size() >= 1_000) {
                    events += flush(store, batch);
                }
            }
        }
        return events + flush(store, batch);
    }

    private static int flush(DerbyMachineStore store, List<MachineEvent> batch) {
        int n = batch.size();
        store.append(new MachineBatch(batch, List.of()));
        batch.clear();
        return n;
    }
}
