package io.millwright.api.simulation.testing;

import io.millwright.api.simulation.ControllerStatus;
import io.millwright.api.simulation.MachineSnapshot;
import io.millwright.api.simulation.PlantListener;
import io.millwright.api.simulation.StopCause;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A machine of the {@link TickingPlant}: counts parts at a fixed cycle on its own ticker thread
 * and publishes a snapshot to its listeners every 5 ms, under its lock, as the simulator does.
 */
public final class TickingMachine implements AutoCloseable {

    private final String id;
    private final double cycleTimeMs;
    private final List<PlantListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledThreadPoolExecutor ticker;
    // guarded by this
    private long lastMillis = System.currentTimeMillis();
    private double parts;
    private int faultCode;

    public TickingMachine(String id, double cycleTimeMs) {
        this.id = id;
        this.cycleTimeMs = cycleTimeMs;
        ticker = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ticking-plant-" + id);
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, 5, 5, TimeUnit.MILLISECONDS);
    }

    /** Faults the machine until the end of the test: it stops counting. */
    public synchronized void forceFault(int code) {
        advance();
        faultCode = code;
        publish();
    }

    synchronized void follow(PlantListener listener) {
        listeners.add(listener);
        listener.machineAdded(id, snapshot());
    }

    /** Once this returns, {@code listener} hears nothing more from this machine. */
    synchronized void unfollow(PlantListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void tick() {
        advance();
        publish();
    }

    private void advance() {
        long now = System.currentTimeMillis();
        if (faultCode == 0) {
            parts += (now - lastMillis) / cycleTimeMs;
        }
        lastMillis = now;
    }

    private void publish() {
        MachineSnapshot snapshot = snapshot();
        listeners.forEach(l -> l.machineChanged(id, snapshot));
    }

    private MachineSnapshot snapshot() {
        boolean running = faultCode == 0;
        long total = (long) parts;
        return new MachineSnapshot(lastMillis, running ? ControllerStatus.RUNNING : ControllerStatus.DOWN,
                running ? StopCause.NONE : StopCause.FAULT, faultCode, total, total / 50,
                running ? 60_000 / cycleTimeMs : 0, false);
    }
}
