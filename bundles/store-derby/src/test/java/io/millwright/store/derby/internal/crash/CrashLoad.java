package io.millwright.store.derby.internal.crash;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.DowntimeEnded;
import io.millwright.api.machine.DowntimeStarted;
import io.millwright.api.machine.MachineEvent;
import io.millwright.api.machine.MachineState;
import io.millwright.api.machine.StateChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The batches the crash writer appends, made the same way in the writer and in the test that checks
 * them: batch {@code n} of run {@code run} is 100 events (counts of ten machines, and a stop with its
 * state changes) whose keys no other batch has.
 */
final class CrashLoad {

    static final int MACHINES = 10;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private CrashLoad() {
    }

    static List<MachineEvent> batch(int run, long n) {
        List<MachineEvent> events = new ArrayList<>(100);
        Instant t = START.plus(Duration.ofMinutes(9 * n));
        for (int minute = 0; minute < 9; minute++) {
            for (int m = 0; m < MACHINES; m++) {
                events.add(new CountRecorded(machine(run, m), t.plus(Duration.ofMinutes(minute)), 60 + m, m % 3,
                        "P-" + run, Duration.ofMillis(850)));
            }
        }
        String machine = machine(run, (int) (n % MACHINES));
        String downtime = machine + "-" + n;
        Instant stop = t.plusSeconds(30);
        Instant back = stop.plusSeconds(90);
        events.add(new StateChanged(machine, stop, MachineState.RUNNING, MachineState.DOWN));
        events.add(new DowntimeStarted(machine, stop, downtime, MachineState.DOWN, "MECH.JAM"));
        events.add(new DowntimeEnded(machine, back, downtime, MachineState.DOWN, null, Duration.ofSeconds(90), false));
        events.add(new StateChanged(machine, back, MachineState.DOWN, MachineState.RUNNING));
        while (events.size() < 100) {
            int i = events.size();
            events.add(new StateChanged(machine, back.plusMillis(i), i % 2 == 0 ? MachineState.RUNNING
                    : MachineState.IDLE, i % 2 == 0 ? MachineState.IDLE : MachineState.RUNNING));
        }
        return events;
    }

    static String machine(int run, int m) {
        return "crash-r" + run + "-m" + m;
    }
}
