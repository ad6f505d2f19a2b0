package io.millwright.simulator.internal;

import io.millwright.api.simulation.MachineSnapshot;
import io.millwright.simulator.internal.modbus.ModbusEndpoint;
import io.millwright.simulator.internal.modbus.ModbusFace;
import io.millwright.simulator.internal.model.MachineModel;
import io.millwright.simulator.internal.model.StateChange;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running simulated machine: its model advanced by a wall-clock ticker on its own thread
 * ({@code millwright-sim-<id>}), and its protocol face fed after every tick and every command.
 * The model and the face's image change together under one lock, so a command's effect is never
 * overwritten by an older tick.
 */
public final class SimulatedMachine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedMachine.class);

    private final SimulatorSettings settings;
    private final LongSupplier clock;
    private final MachineModel model;
    private final ModbusFace modbus;
    private final ScheduledThreadPoolExecutor ticker;
    private final Object lock = new Object();
    private final List<Consumer<MachineSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private boolean tickFailed;

    /** Starts at once: the model runs from the clock's now and the face starts listening. */
    SimulatedMachine(SimulatorSettings settings, LongSupplier clock, long startTotal, long startReject) {
        this.settings = settings;
        this.clock = clock;
        this.model = new MachineModel(settings.profile(), settings.seed(), clock.getAsLong(), startTotal,
                startReject, this::log);
        this.modbus = settings.modbus() == null ? null : new ModbusFace(settings.id(), settings.modbus());
        publish();
        if (modbus != null) {
            try {
                modbus.start();
            } catch (IOException e) {
                // the model keeps running: sim-peer up retries once the port is free
                LOG.warn("{}", e.getMessage());
            }
        }
        ticker = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "millwright-sim-" + settings.id());
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, settings.tickMs(), settings.tickMs(), TimeUnit.MILLISECONDS);
    }

    public String id() {
        return settings.id();
    }

    SimulatorSettings settings() {
        return settings;
    }

    public MachineSnapshot snapshot() {
        synchronized (lock) {
            return model.snapshot();
        }
    }

    public void forceFault(int code, Duration duration) {
        command(() -> model.forceFault(code, duration));
    }

    public boolean clearFault() {
        return command(model::clearFault);
    }

    public boolean pause() {
        return command(model::pause);
    }

    public boolean resume() {
        return command(model::resume);
    }

    /**
     * Hands {@code listener} the current snapshot, then every snapshot published after a tick or a
     * command, on the machine's thread and under its lock (so in order): how faces other than
     * Modbus follow the model. Keep it short.
     */
    public void addListener(Consumer<MachineSnapshot> listener) {
        synchronized (lock) {
            listeners.add(listener);
            listener.accept(model.snapshot());
        }
    }

    /** Once this returns, {@code listener} is not being called and will not be called again. */
    public void removeListener(Consumer<MachineSnapshot> listener) {
        // under the lock, so that a publish under way finishes first
        synchronized (lock) {
            listeners.remove(listener);
        }
    }

    public Optional<ModbusEndpoint> modbusEndpoint() {
        return modbus == null ? Optional.empty() : Optional.of(modbus.endpoint());
    }

    public boolean modbusUp() {
        return modbus != null && modbus.isUp();
    }

    /** Why the Modbus face failed to start; empty when it did not. */
    public String modbusProblem() {
        return modbus == null ? "" : modbus.problem();
    }

    /**
     * Takes the Modbus server down (the peer goes away: no listener, connections end) or brings it
     * back on the same port, serving the current values.
     */
    public void setModbusUp(boolean up) throws IOException {
        ModbusFace face = requireModbus();
        if (up) {
            publish();
            face.start();
        } else {
            face.stop();
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            if (!ticker.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("simulator {}: ticker thread did not stop within 5 s", settings.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (modbus != null) {
            modbus.stop();
        }
    }

    private ModbusFace requireModbus() {
        if (modbus == null) {
            throw new IllegalStateException("simulator " + settings.id() + " has no Modbus face (modbus.enabled = false)");
        }
        return modbus;
    }

    private void tick() {
        try {
            synchronized (lock) {
                model.advanceTo(clock.getAsLong());
                publishLocked();
            }
            tickFailed = false;
        } catch (RuntimeException e) {
            // a periodic task that throws is cancelled for good: log the first failure and keep ticking
            if (!tickFailed) {
                LOG.error("simulator {}: tick failed", settings.id(), e);
                tickFailed = true;
            }
        }
    }

    private <T> T command(Supplier<T> action) {
        synchronized (lock) {
            model.advanceTo(clock.getAsLong());
            T result = action.get();
            publishLocked();
            return result;
        }
    }

    private void command(Runnable action) {
        command(() -> {
            action.run();
            return null;
        });
    }

    private void publish() {
        synchronized (lock) {
            publishLocked();
        }
    }

    private void publishLocked() {
        MachineSnapshot snapshot = model.snapshot();
        if (modbus != null) {
            modbus.publish(snapshot);
        }
        for (Consumer<MachineSnapshot> listener : listeners) {
            listener.accept(snapshot);
        }
    }

    private void log(StateChange change) {
        LOG.debug("simulator {}: {} {} fault {}", settings.id(), change.status(), change.cause(), change.faultCode());
    }
}
