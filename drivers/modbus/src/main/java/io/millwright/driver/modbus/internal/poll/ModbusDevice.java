package io.millwright.driver.modbus.internal.poll;

import io.millwright.api.device.DeviceStatus;
import io.millwright.api.device.TagStatus;
import io.millwright.api.sample.SampleSink;
import io.millwright.driver.modbus.internal.codec.RegisterEncoder;
import io.millwright.driver.modbus.internal.config.Area;
import io.millwright.driver.modbus.internal.config.DeviceSettings;
import io.millwright.driver.modbus.internal.config.RegisterOrder;
import io.millwright.driver.modbus.internal.config.TagDefinition;
import io.millwright.driver.modbus.internal.plan.ReadBlock;
import io.millwright.driver.support.DriverDevice;
import io.millwright.driver.support.StatusListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Modbus TCP device: owns one named poll thread ({@code millwright-modbus-<id>}) on
 * which everything that touches the link runs (polls, diagnostic reads, writes), so the link is
 * never shared between threads.
 */
public final class ModbusDevice implements DriverDevice {

    public static final String PROTOCOL = "modbus-tcp";
    private static final Logger LOG = LoggerFactory.getLogger(ModbusDevice.class);

    private final DeviceSettings settings;
    private final DeviceCounters counters = new DeviceCounters();
    private final DevicePoller poller;
    private ScheduledExecutorService executor;
    private FixedRateLoop loop;

    public ModbusDevice(DeviceSettings settings, Supplier<List<SampleSink>> sinks, StatusListener listener) {
        this.settings = settings;
        ModbusConnection connection = new ModbusConnection(settings.host(), settings.port(), settings.unitId(),
                settings.timeoutMs());
        this.poller = new DevicePoller(settings, connection, new SampleDelivery(settings.id(), sinks), counters, listener);
    }

    /** Starts polling; returns at once (the first connect happens on the poll thread). */
    public synchronized void start() {
        if (executor != null) {
            throw new IllegalStateException("Modbus device " + settings.id() + " is already started");
        }
        String threadName = "millwright-modbus-" + settings.id();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        loop = new FixedRateLoop(settings.id(), executor, TimeUnit.MILLISECONDS.toNanos(settings.pollIntervalMs()), poller,
                this::overrun);
        loop.start();
    }

    /** Stops polling, closes the link and waits for the poll thread to end. */
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        loop.stop();
        try {
            executor.execute(poller::close);
        } catch (RejectedExecutionException e) {
            // already shutting down
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(settings.timeoutMs() * (settings.retries() + 2L) + 1000, TimeUnit.MILLISECONDS)) {
                LOG.warn("Modbus device {}: poll thread did not stop in time; interrupting it", settings.id());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    /**
     * One poll, to run on the caller's thread while the device is not started: lets a benchmark
     * measure the read path without the scheduler.
     */
    public synchronized Runnable pollCycle() {
        if (executor != null) {
            throw new IllegalStateException("Modbus device " + settings.id() + " is started: its poll thread owns the link");
        }
        return poller;
    }

    /** Closes the link that {@link #pollCycle()} opened. */
    public synchronized void closeLink() {
        if (executor == null) {
            poller.close();
        }
    }

    public DeviceSettings settings() {
        return settings;
    }

    /** The requests each poll makes now (after any re-planning around refused tags). */
    public List<ReadBlock> plan() {
        return poller.plan();
    }

    public long overruns() {
        return counters.overruns.get();
    }

    public long polls() {
        return counters.polls.get();
    }

    /** Reads raw values over the device's own link, for diagnosis. */
    public RawValues readRaw(Area area, int start, int count) throws Exception {
        int limit = area.isBits() ? 2000 : 125;
        if (count < 1 || count > limit || start < 0 || start + count - 1 > 65535) {
            throw new IllegalArgumentException("read " + area.word() + " " + start + " count " + count
                    + ": count must be 1 to " + limit + " within addresses 0 to 65535");
        }
        return onPollThread(() -> {
            ModbusConnection c = connected();
            if (area.isBits()) {
                boolean[] bits = new boolean[count];
                c.readBits(area, start, count, bits);
                return new RawValues(area, start, null, bits);
            }
            int[] registers = new int[count];
            c.readRegisters(area, start, count, registers);
            return new RawValues(area, start, registers, null);
        });
    }

    /**
     * Writes an engineering value to a tag (scale and offset undone), only when the device is
     * configured {@code writable=true} and the tag is a coil or holding register.
     */
    public void write(String tagName, String value) throws Exception {
        if (!settings.writable()) {
            throw new WriteRefusedException("device " + settings.id() + " is read-only: writes need writable=true in its"
                    + " configuration");
        }
        TagDefinition tag = settings.tag(tagName);
        if (tag == null) {
            throw new WriteRefusedException("device " + settings.id() + " has no tag '" + tagName + "'");
        }
        if (!tag.area().isWritable()) {
            throw new WriteRefusedException("tag " + tagName + " is a " + tag.area().word()
                    + ", which Modbus does not let a client write");
        }
        int[] registers = tag.area().isBits() ? null : RegisterEncoder.encode(tag, value);
        boolean bit = tag.area().isBits() && RegisterEncoder.parseBool(tag, value);
        onPollThread(() -> {
            ModbusConnection c = connected();
            if (registers == null) {
                c.writeCoil(tag.address(), bit);
            } else {
                c.writeRegisters(tag.address(), registers);
            }
            return null;
        });
        LOG.info("Modbus device {}: wrote {} to tag {} ({})", settings.id(), value, tagName,
                tag.addressText(settings.order()));
    }

    private ModbusConnection connected() {
        ModbusConnection c = poller.connection();
        if (!c.isOpen()) {
            throw new IllegalStateException("device " + settings.id() + " is not connected (" + poller.status() + ": "
                    + poller.detail() + ")");
        }
        return c;
    }

    private <T> T onPollThread(Callable<T> task) throws Exception {
        Future<T> future;
        synchronized (this) {
            if (executor == null) {
                throw new IllegalStateException("device " + settings.id() + " is stopped");
            }
            future = executor.submit(task);
        }
        try {
            return future.get(settings.timeoutMs() * (settings.retries() + 2L) + settings.pollIntervalMs() + 1000,
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new IllegalStateException("device " + settings.id() + " did not answer in time");
        }
    }

    private void overrun(long pollNanos) {
        long ms = TimeUnit.NANOSECONDS.toMillis(pollNanos);
        counters.lastOverrunMs = ms;
        if (counters.overruns.incrementAndGet() == 1) {
            LOG.warn("Modbus device {}: a poll took {} ms, longer than the poll interval of {} ms; overruns are counted,"
                    + " never queued", settings.id(), ms, settings.pollIntervalMs());
        }
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public DeviceStatus status() {
        return poller.status();
    }

    @Override
    public String statusDetail() {
        String detail = poller.detail();
        long overruns = counters.overruns.get();
        if (overruns == 0) {
            return detail;
        }
        String note = overruns + " overruns (last poll " + counters.lastOverrunMs + " ms, interval "
                + settings.pollIntervalMs() + " ms)";
        return detail.isEmpty() ? note : detail + "; " + note;
    }

    @Override
    public Optional<Instant> lastDataTime() {
        long t = counters.lastDataTime;
        return t < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(t));
    }

    @Override
    public long readCount() {
        return counters.reads.get();
    }

    @Override
    public long errorCount() {
        return counters.errors.get();
    }

    @Override
    public long reconnectCount() {
        return counters.reconnects.get();
    }

    @Override
    public Optional<Duration> lastRoundTrip() {
        long n = counters.lastRoundTripNanos;
        return n < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(n));
    }

    @Override
    public List<TagStatus> tags() {
        List<TagDefinition> defs = settings.tags();
        RegisterOrder deviceOrder = settings.order();
        List<TagStatus> out = new ArrayList<>(defs.size());
        for (int i = 0; i < defs.size(); i++) {
            TagDefinition t = defs.get(i);
            out.add(new TagStatus(t.name(), t.addressText(deviceOrder), t.historize(), t.deadband(), poller.last(i)));
        }
        return out;
    }

    @Override
    public String toString() {
        return "Modbus device " + settings.id() + " (" + settings.host() + ":" + settings.port() + ")";
    }
}
