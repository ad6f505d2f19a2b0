package io.millwright.driver.modbus.internal.poll;

import io.millwright.api.device.DeviceStatus;
import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.driver.modbus.internal.codec.RegisterDecoder;
import io.millwright.driver.modbus.internal.config.DeviceSettings;
import io.millwright.driver.modbus.internal.config.TagDefinition;
import io.millwright.driver.modbus.internal.plan.ReadBlock;
import io.millwright.driver.modbus.internal.plan.RequestPlanner;
import io.millwright.driver.support.Backoff;
import io.millwright.driver.support.StatusListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one device, run on the device's own thread: (re)connects with backoff, reads the
 * planned requests, decodes every tag and hands the batch to the sinks. Tags the device refuses
 * (Modbus exceptions 1-3) are split out of their request and re-planned around, probed again
 * every {@link #BAD_TAG_RETRY_MS}; a lost link makes every tag BAD and the device OFFLINE.
 */
final class DevicePoller implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DevicePoller.class);
    static final long BAD_TAG_RETRY_MS = 30_000;

    private final DeviceSettings settings;
    private final String id;
    private final List<TagDefinition> tags;
    private final ModbusConnection connection;
    private final RequestPlanner planner;
    private final SampleDelivery delivery;
    private final DeviceCounters counters;
    private final StatusListener listener;
    private final Backoff backoff;

    private final AtomicReferenceArray<Sample> last;
    private final List<Sample> batch;
    private final int[] registers = new int[125];
    private final boolean[] bits = new boolean[2000];
    /** Tags the device refused, by index, with the refusal. */
    private final Map<Integer, String> refused = new LinkedHashMap<>();

    private List<ReadBlock> plan;
    private boolean everConnected;
    private long nextConnectAt;
    private long nextProbeAt;
    private String linkReason = "not connected yet";

    private volatile DeviceStatus status = DeviceStatus.CONNECTING;
    private volatile String detail = "connecting";
    private volatile List<ReadBlock> planView;

    DevicePoller(DeviceSettings settings, ModbusConnection connection, SampleDelivery delivery, DeviceCounters counters,
                 StatusListener listener) {
        this.settings = settings;
        this.id = settings.id();
        this.tags = settings.tags();
        this.connection = connection;
        this.planner = new RequestPlanner(settings.maxRegisters(), settings.maxCoils(), settings.maxGap());
        this.delivery = delivery;
        this.counters = counters;
        this.listener = listener;
        this.backoff = new Backoff(Math.min(Math.max(settings.pollIntervalMs(), 100), 5_000), settings.reconnectMaxDelayMs(),
                System.nanoTime() ^ id.hashCode());
        this.last = new AtomicReferenceArray<>(tags.size());
        this.batch = new ArrayList<>(tags.size());
        this.plan = planner.plan(tags);
        this.planView = plan;
    }

    DeviceStatus status() {
        return status;
    }

    String detail() {
        return detail;
    }

    List<ReadBlock> plan() {
        return planView;
    }

    Sample last(int index) {
        return last.get(index);
    }

    ModbusConnection connection() {
        return connection;
    }

    @Override
    public void run() {
        long now = System.currentTimeMillis();
        counters.polls.incrementAndGet();
        batch.clear();
        if (!connection.isOpen() && !connect(now)) {
            allBad(linkReason, now);
            delivery.deliver(batch);
            return;
        }
        try {
            probeRefused(now);
            boolean failures = false;
            for (ReadBlock block : plan) {
                failures |= !read(block, now);
            }
            for (Map.Entry<Integer, String> r : refused.entrySet()) {
                bad(r.getKey(), r.getValue(), now);
            }
            if (refused.isEmpty() && !failures) {
                setStatus(DeviceStatus.ONLINE, "");
            } else {
                setStatus(DeviceStatus.DEGRADED, degradedDetail());
            }
        } catch (LinkLostException e) {
            linkLost(e.getMessage(), now);
        }
        delivery.deliver(batch);
    }

    /** Closes the link on the poll thread when the device stops. */
    void close() {
        connection.close();
    }

    private boolean connect(long now) {
        if (now < nextConnectAt) {
            return false;
        }
        try {
            connection.connect();
        } catch (LinkLostException e) {
            counters.errors.incrementAndGet();
            linkReason = e.getMessage();
            nextConnectAt = now + backoff.nextDelayMs();
            setStatus(DeviceStatus.OFFLINE, linkReason);
            return false;
        }
        if (everConnected) {
            counters.reconnects.incrementAndGet();
            LOG.info("Modbus device {}: reconnected to {}:{}", id, settings.host(), settings.port());
        }
        everConnected = true;
        backoff.reset();
        return true;
    }

    /** @return whether the block's tags were all read */
    private boolean read(ReadBlock block, long now) throws LinkLostException {
        try {
            readWithRetries(block.area(), block.start(), block.count());
        } catch (ModbusExceptionResponse e) {
            counters.errors.incrementAndGet();
            if (e.blamesRequest()) {
                split(block, now);
                return false;
            }
            for (int i = 0; i < block.tagCount(); i++) {
                bad(block.tagIndex(i), e.getMessage() + " reading " + block, now);
            }
            return false;
        }
        for (int i = 0; i < block.tagCount(); i++) {
            int index = block.tagIndex(i);
            good(index, tags.get(index).address() - block.start(), now);
        }
        return true;
    }

    /** Reads each tag of a refused request alone: the ones refused again are set aside, the others keep flowing. */
    private void split(ReadBlock block, long now) throws LinkLostException {
        for (int i = 0; i < block.tagCount(); i++) {
            int index = block.tagIndex(i);
            TagDefinition tag = tags.get(index);
            try {
                readWithRetries(tag.area(), tag.address(), tag.registers());
                good(index, 0, now);
            } catch (ModbusExceptionResponse e) {
                counters.errors.incrementAndGet();
                String reason = e.getMessage() + " at " + tag.addressText();
                if (block.tagCount() > 1 || !refused.containsKey(index)) {
                    LOG.warn("Modbus device {}: tag {} refused by the device: {}", id, tag.name(), reason);
                }
                refused.put(index, reason);
            }
        }
        replan();
        nextProbeAt = now + BAD_TAG_RETRY_MS;
    }

    private void probeRefused(long now) throws LinkLostException {
        if (refused.isEmpty() || now < nextProbeAt) {
            return;
        }
        nextProbeAt = now + BAD_TAG_RETRY_MS;
        boolean recovered = false;
        for (Integer index : new ArrayList<>(refused.keySet())) {
            TagDefinition tag = tags.get(index);
            try {
                readWithRetries(tag.area(), tag.address(), tag.registers());
                refused.remove(index);
                recovered = true;
                LOG.info("Modbus device {}: tag {} is served again", id, tag.name());
            } catch (ModbusExceptionResponse e) {
                counters.errors.incrementAndGet();
            }
        }
        if (recovered) {
            replan();
        }
    }

    private void replan() {
        plan = planner.plan(tags, refused.keySet());
        planView = plan;
    }

    private void readWithRetries(io.millwright.driver.modbus.internal.config.Area area, int start, int count)
            throws LinkLostException, ModbusExceptionResponse {
        for (int attempt = 0; ; attempt++) {
            try {
                if (area.isBits()) {
                    connection.readBits(area, start, count, bits);
                } else {
                    connection.readRegisters(area, start, count, registers);
                }
                counters.reads.incrementAndGet();
                counters.lastRoundTripNanos = connection.lastRoundTripNanos();
                return;
            } catch (LinkLostException e) {
                counters.errors.incrementAndGet();
                if (attempt >= settings.retries()) {
                    throw e;
                }
                // a timeout or reset: retry once more on a new socket
                connection.connect();
                counters.reconnects.incrementAndGet();
            }
        }
    }

    private void good(int index, int offset, long now) {
        TagDefinition tag = tags.get(index);
        Sample s = tag.area().isBits()
                ? Sample.ofBoolean(id, tag.name(), bits[offset], Quality.GOOD, null, now, now)
                : RegisterDecoder.decode(id, tag, registers, offset, now);
        last.set(index, s);
        batch.add(s);
        counters.lastDataTime = now;
    }

    private void bad(int index, String reason, long now) {
        Sample s = Sample.bad(id, tags.get(index).name(), reason, now, now);
        last.set(index, s);
        batch.add(s);
    }

    private void allBad(String reason, long now) {
        for (int i = 0; i < tags.size(); i++) {
            bad(i, reason, now);
        }
    }

    private void linkLost(String reason, long now) {
        connection.close();
        linkReason = reason;
        nextConnectAt = now + backoff.nextDelayMs();
        batch.clear();
        allBad(reason, now);
        if (status != DeviceStatus.OFFLINE) {
            LOG.warn("Modbus device {}: link lost: {}", id, reason);
        }
        setStatus(DeviceStatus.OFFLINE, reason);
    }

    private String degradedDetail() {
        StringBuilder b = new StringBuilder();
        int bad = 0;
        for (int i = 0; i < tags.size(); i++) {
            Sample s = last.get(i);
            if (s != null && s.quality() == Quality.BAD) {
                if (bad < 3) {
                    b.append(bad == 0 ? "" : "; ").append(tags.get(i).name()).append(": ").append(s.qualityReason());
                }
                bad++;
            }
        }
        return bad + " of " + tags.size() + " tags BAD: " + b + (bad > 3 ? "; ..." : "");
    }

    private void setStatus(DeviceStatus newStatus, String newDetail) {
        detail = newDetail;
        if (status != newStatus) {
            DeviceStatus old = status;
            status = newStatus;
            if (newStatus == DeviceStatus.ONLINE && old != DeviceStatus.CONNECTING) {
                LOG.info("Modbus device {}: ONLINE again", id);
            }
            listener.statusChanged(newStatus);
        }
    }
}
