package io.millwright.driver.mqtt.internal.device;

import io.millwright.api.device.Device;
import io.millwright.api.device.DeviceStatus;
import io.millwright.api.device.TagStatus;
import io.millwright.api.sample.Sample;
import io.millwright.driver.mqtt.internal.config.DeviceMapping;
import io.millwright.driver.mqtt.internal.config.PayloadFormat;
import io.millwright.driver.mqtt.internal.config.TagMapping;
import io.millwright.driver.support.StatusListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One mapped device of a connection. Its status follows the broker link and, for Sparkplug B,
 * the births and deaths: ONLINE when the link is up (and the node or device is born), OFFLINE
 * while the broker is away or after a death certificate, CONNECTING before either is known.
 */
public final class MqttDevice implements Device {

    /** A tag as {@link #tags()} shows it, without its last sample. */
    public record TagInfo(String name, String address, boolean historized, double deadband) {
    }

    private final DeviceMapping mapping;
    private final Map<String, Sample> last = new ConcurrentHashMap<>();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile List<TagInfo> tags;
    private volatile StatusListener listener = s -> { };
    private volatile Instant lastData;
    private boolean linkUp;
    private boolean linkEverDown;
    private String linkDetail = "connecting to the broker";
    private boolean born;
    private String lifeDetail = "waiting for a birth certificate";
    private DeviceStatus reported = DeviceStatus.CONNECTING;
    private static final long FIRST_CONNECT_GRACE_NANOS = 5_000_000_000L;
    private final long createdNanos = System.nanoTime();
    private boolean everUp;
    /** Tags whose last sample is BAD: the device is DEGRADED while there are any. */
    private int badTags;

    public MqttDevice(DeviceMapping mapping) {
        this.mapping = mapping;
        List<TagInfo> configured = new ArrayList<>();
        for (TagMapping t : mapping.tags()) {
            configured.add(new TagInfo(t.name(), t.address(mapping), t.historized(), t.deadband()));
        }
        this.tags = List.copyOf(configured);
    }

    public DeviceMapping mapping() {
        return mapping;
    }

    public void listener(StatusListener listener) {
        this.listener = listener;
    }

    public void linkUp() {
        update(() -> {
            linkUp = true;
            everUp = true;
            linkDetail = "";
        });
    }

    public void linkDown(String detail) {
        update(() -> {
            if (linkUp) {
                reconnects.incrementAndGet();
            }
            linkUp = false;
            // a new connection's first attempt can be refused while the broker still closes the
            // previous one of the same client id (a driver update): CONNECTING, not a false OFFLINE,
            // unless it was up before or has failed for a while
            if (everUp || System.nanoTime() - createdNanos > FIRST_CONNECT_GRACE_NANOS) {
                linkEverDown = true;
            }
            linkDetail = detail;
        });
    }

    /** Sparkplug B: a birth certificate defined these metrics. */
    public void born(List<TagInfo> metrics) {
        tags = List.copyOf(metrics);
        update(() -> {
            born = true;
            lifeDetail = "";
        });
    }

    /** Sparkplug B: a death certificate (or the node's) arrived. */
    public void died(String detail) {
        update(() -> {
            born = false;
            lifeDetail = detail;
        });
    }

    public void accepted(List<Sample> samples) {
        reads.incrementAndGet();
        boolean qualityTurned = false;
        for (Sample s : samples) {
            Sample before = last.put(s.tag(), s);
            qualityTurned |= before == null ? !s.isGood() : before.isGood() != s.isGood();
        }
        if (!samples.isEmpty()) {
            lastData = Instant.now();
        }
        if (qualityTurned) {
            long bad = last.values().stream().filter(x -> !x.isGood()).count();
            update(() -> badTags = (int) bad);
        }
    }

    public void refused() {
        errors.incrementAndGet();
    }

    private void update(Runnable change) {
        DeviceStatus now;
        synchronized (this) {
            change.run();
            now = computeStatus();
            if (now == reported) {
                return;
            }
            reported = now;
        }
        listener.statusChanged(now);
    }

    private DeviceStatus computeStatus() {
        if (!linkUp) {
            return linkEverDown ? DeviceStatus.OFFLINE : DeviceStatus.CONNECTING;
        }
        if (mapping.format() != PayloadFormat.SPARKPLUGB || born) {
            return badTags > 0 ? DeviceStatus.DEGRADED : DeviceStatus.ONLINE;
        }
        return lifeDetail.startsWith("waiting") ? DeviceStatus.CONNECTING : DeviceStatus.OFFLINE;
    }

    @Override
    public String id() {
        return mapping.id();
    }

    @Override
    public String protocol() {
        return mapping.format().protocol();
    }

    @Override
    public String reporting() {
        return mapping.byException() ? REPORTS_BY_EXCEPTION : REPORTS_POLLED;
    }

    @Override
    public synchronized DeviceStatus status() {
        return computeStatus();
    }

    @Override
    public synchronized String statusDetail() {
        if (!linkUp) {
            return linkDetail;
        }
        if (mapping.format() == PayloadFormat.SPARKPLUGB && !born) {
            return lifeDetail + " (" + mapping.node() + ")";
        }
        return badTags == 0 ? "" : badTags + " tags BAD: " + last.values().stream().filter(x -> !x.isGood()).limit(3)
                .map(x -> x.tag() + " (" + x.qualityReason() + ")").collect(java.util.stream.Collectors.joining(", "));
    }

    @Override
    public Optional<Instant> lastDataTime() {
        return Optional.ofNullable(lastData);
    }

    @Override
    public long readCount() {
        return reads.get();
    }

    @Override
    public long errorCount() {
        return errors.get();
    }

    @Override
    public long reconnectCount() {
        return reconnects.get();
    }

    @Override
    public Optional<Duration> lastRoundTrip() {
        return Optional.empty();
    }

    @Override
    public List<TagStatus> tags() {
        List<TagStatus> out = new ArrayList<>();
        for (TagInfo t : tags) {
            out.add(new TagStatus(t.name(), t.address(), t.historized(), t.deadband(), last.get(t.name())));
        }
        return out;
    }
}
