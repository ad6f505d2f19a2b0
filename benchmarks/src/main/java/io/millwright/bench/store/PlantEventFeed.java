package io.millwright.bench.store;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.DowntimeEnded;
import io.millwright.api.machine.DowntimeStarted;
import io.millwright.api.machine.MachineEvent;
import io.millwright.api.machine.MachineState;
import io.millwright.api.machine.ProductChanged;
import io.millwright.api.machine.ReasonSet;
import io.millwright.api.machine.StateChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a plant of presses sends the store, minute by minute and never the same key twice:
 * each press records a count bucket every minute, stops once every 30 minutes for 30 s (state change,
 * downtime start, end, state change back), every other stop gets a reason from a person, and the
 * product changes once every 8 hours. That is 87 % count buckets, as in a plant where counts dominate.
 * With {@code countsOnly} it sends the count buckets alone: the store's cheapest event, for comparison.
 */
final class PlantEventFeed {

    static final int STOP_EVERY_MINUTES = 30;
    static final int PRODUCT_EVERY_MINUTES = 8 * 60;
    private static final Duration CYCLE = Duration.ofMillis(850);

    private final int machines;
    private final boolean countsOnly;
    private final String[] ids;
    private final ArrayDeque<MachineEvent> ready = new ArrayDeque<>();
    private final Instant start;
    private long minute;
    private long produced;
    private long counts;

    PlantEventFeed(int machines, Instant start, boolean countsOnly) {
        this.machines = machines;
        this.countsOnly = countsOnly;
        this.start = start;
        this.ids = new String[machines];
        for (int m = 0; m < machines; m++) {
            ids[m] = String.format("press-%02d", m + 1);
        }
    }

    MachineEvent next() {
        if (ready.isEmpty()) {
            nextMinute();
        }
        produced++;
        return ready.poll();
    }

    List<MachineEvent> next(int n) {
        List<MachineEvent> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(next());
        }
        return batch;
    }

    long produced() {
        return produced;
    }

    /** The share of count buckets among the events handed out so far. */
    double countShare() {
        return produced == 0 ? 0 : (double) counts / (produced + ready.size());
    }

    private void nextMinute() {
        Instant t = start.plus(Duration.ofMinutes(minute));
        for (int m = 0; m < machines; m++) {
            String id = ids[m];
            String product = "P-" + (minute / PRODUCT_EVERY_MINUTES % 5);
            if (minute % PRODUCT_EVERY_MINUTES == 0 && !countsOnly) {
                ready.add(new ProductChanged(id, t, "P-" + ((minute / PRODUCT_EVERY_MINUTES + 4) % 5), product, CYCLE));
            }
            ready.add(new CountRecorded(id, t, 70 - (minute % 3), minute % 40 == 0 ? 1 : 0, product, CYCLE));
            counts++;
            long phase = (minute + 7L * m) % STOP_EVERY_MINUTES;
            if (phase == 0 && !countsOnly) {
                String downtime = id + "-" + t.toEpochMilli();
                Instant stop = t.plusSeconds(10);
                Instant back = t.plusSeconds(40);
                boolean fault = (minute / STOP_EVERY_MINUTES + m) % 3 != 0;
                MachineState state = fault ? MachineState.DOWN : MachineState.IDLE;
                ready.add(new StateChanged(id, stop, MachineState.RUNNING, state));
                ready.add(new DowntimeStarted(id, stop, downtime, state, fault ? "MECH.JAM" : null));
                ready.add(new DowntimeEnded(id, back, downtime, state, null, Duration.ofSeconds(30), false));
                ready.add(new StateChanged(id, back, state, MachineState.RUNNING));
                if ((minute / STOP_EVERY_MINUTES) % 2 == 0) {
                    ready.add(new ReasonSet(id, back.plusSeconds(15), downtime, fault ? "MECH.JAM" : null,
                            "MAT.WAIT", "operator-" + m));
                }
            }
        }
        minute++;
    }
}
