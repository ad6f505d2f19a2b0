package io.millwright.driver.opcua.internal.client;

import io.millwright.api.device.DeviceStatus;
import io.millwright.api.device.TagStatus;
import io.millwright.api.sample.SampleSink;
import io.millwright.driver.opcua.internal.config.DeviceSettings;
import io.millwright.driver.opcua.internal.pki.Pki;
import io.millwright.driver.support.Backoff;
import io.millwright.driver.support.DriverDevice;
import io.millwright.driver.support.StatusListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.session.State;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running OPC UA device. Its own thread ({@code millwright-opcua-<id>}) connects with backoff,
 * creates the subscriptions, recreates those the server lost and runs the polls; Milo's session
 * machine reconnects a lost link by itself, and this class follows it: OFFLINE with a BAD sample
 * for every tag while the session is down, ONLINE (or DEGRADED while some tags are BAD) once it
 * is back. {@link #start()} returns at once.
 */
public final class OpcUaDevice implements DriverDevice {

    public static final String PROTOCOL = "opcua";
    private static final Logger LOG = LoggerFactory.getLogger(OpcUaDevice.class);
    private static final long SESSION_CHECK_MS = 1_000;

    private final DeviceSettings settings;
    private final StatusListener listener;
    private final DeviceCounters counters = new DeviceCounters();
    private final SubscriptionPlan plan;
    private final SampleFlow flow;
    private final Backoff backoff;
    private final Pki pki;
    private ScheduledExecutorService control;
    private TransportResources resources;
    private volatile Subscriptions subscriptions;
    private volatile PolledNodes polls;
    private volatile OpcUaClient client;
    private volatile boolean sessionActive;
    private volatile boolean stopping;
    private volatile String certificateProblem;
    private volatile DeviceStatus status = DeviceStatus.CONNECTING;
    private volatile String detail = "connecting";

    public OpcUaDevice(DeviceSettings settings, Pki pki, Supplier<List<SampleSink>> sinks, StatusListener listener) {
        this.settings = settings;
        this.pki = pki;
        this.listener = listener;
        this.plan = SubscriptionPlan.of(settings);
        this.flow = new SampleFlow(settings.id(), settings.tags(), sinks, counters, this::updateStatus);
        this.backoff = new Backoff(500, settings.reconnectMaxDelayMs(), settings.id().hashCode());
    }

    /** Starts connecting on the device's own thread; returns at once. */
    public synchronized void start() {
        if (control != null) {
            throw new IllegalStateException("OPC UA device " + settings.id() + " is already started");
        }
        stopping = false;
        control = Executors.newSingleThreadScheduledExecutor(TransportResources.threads("millwright-opcua-" + settings.id()));
        resources = new TransportResources(settings.id());
        polls = new PolledNodes(flow, counters, control, () -> client, () -> sessionActive);
        control.execute(this::connect);
    }

    /** Closes the session and stops every thread the device started. */
    public synchronized void stop() {
        if (control == null) {
            return;
        }
        stopping = true;
        sessionActive = false;
        control.shutdownNow();
        try {
            if (!control.awaitTermination(settings.requestTimeoutMs() + 2000L, TimeUnit.MILLISECONDS)) {
                LOG.warn("OPC UA device {}: its thread did not stop in time", settings.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        disconnect(client);
        client = null;
        resources.close();
        control = null;
    }

    private void connect() {
        if (stopping) {
            return;
        }
        OpcUaClient c = null;
        try {
            certificateProblem = null;
            c = new ClientFactory(settings, pki, resources, why -> certificateProblem = why).create();
            long start = System.nanoTime();
            c.connectAsync().get(settings.requestTimeoutMs(), TimeUnit.MILLISECONDS);
            counters.lastRoundTripNanos = System.nanoTime() - start;
            client = c;
            subscriptions = new Subscriptions(settings.id(), plan, settings.publishingIntervalMs(), flow, this::lost, this::silent);
            List<MonitoredNode> polled = subscriptions.create(c);
            polls.add(polled);
            c.addSessionActivityListener(new SessionFollower(control));
            // and in case a notification was read before Milo's state had moved on
            control.scheduleWithFixedDelay(this::followSession, SESSION_CHECK_MS, SESSION_CHECK_MS, TimeUnit.MILLISECONDS);
            backoff.reset();
            sessionActive = true;
            detail = "";
            updateStatus();
            LOG.info("OPC UA device {}: connected to {} ({}/{}), {} tags on {} nodes in {} subscriptions, {} polled",
                    settings.id(), settings.endpointUrl(), settings.securityPolicy(), settings.securityMode(),
                    settings.tags().size(), plan.nodes().size(), subscriptions.count(), polls.size());
        } catch (Exception e) {
            if (e instanceof InterruptedException || stopping) {
                Thread.currentThread().interrupt();
                disconnect(c);
                return;
            }
            String why = certificateProblem != null ? certificateProblem : StatusNames.describe(e);
            disconnect(c);
            client = null;
            subscriptions = null;
            polls.stop();
            counters.errors.incrementAndGet();
            long delay = backoff.nextDelayMs();
            offline("cannot connect to " + settings.endpointUrl() + ": " + why + "; retrying in " + delay + " ms");
            try {
                control.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                // the device is stopping
            }
        }
    }

    /** A subscription the server no longer has: create it again on the device thread. */
    private void lost(OpcUaSubscription s) {
        try {
            control.execute(() -> {
                Subscriptions subs = subscriptions;
                if (stopping || subs == null) {
                    return;
                }
                try {
                    polls.add(subs.recreate(s));
                } catch (Exception e) {
                    LOG.warn("OPC UA device {}: cannot create a lost subscription again ({}); retrying", settings.id(),
                            StatusNames.describe(e));
                    control.schedule(() -> lost(s), backoff.nextDelayMs(), TimeUnit.MILLISECONDS);
                }
            });
        } catch (RejectedExecutionException stopped) {
            // the device is stopping
        }
    }

    /** A subscription that went silent or was closed: a new one in its place, on the device thread. */
    private void silent(OpcUaSubscription s) {
        try {
            control.execute(() -> {
                Subscriptions subs = subscriptions;
                OpcUaClient c = client;
                if (stopping || subs == null || c == null) {
                    return;
                }
                try {
                    polls.add(subs.replace(c, s));
                    LOG.info("OPC UA device {}: subscription replaced", settings.id());
                } catch (Exception e) {
                    LOG.warn("OPC UA device {}: cannot replace a silent subscription ({}); retrying", settings.id(),
                            StatusNames.describe(e));
                    control.schedule(() -> silent(s), backoff.nextDelayMs(), TimeUnit.MILLISECONDS);
                }
            });
        } catch (RejectedExecutionException stopped) {
            // the device is stopping
        }
    }

    private void offline(String why) {
        boolean wasOffline = status == DeviceStatus.OFFLINE;
        detail = why;
        setStatus(DeviceStatus.OFFLINE);
        if (!wasOffline) {
            LOG.warn("OPC UA device {}: OFFLINE: {}", settings.id(), why);
            flow.bad(plan.nodes(), why);
        }
    }

    private void updateStatus() {
        if (!sessionActive || stopping) {
            return;
        }
        int bad = flow.badTags();
        if (bad == 0) {
            detail = "";
            setStatus(DeviceStatus.ONLINE);
        } else {
            detail = bad + " of " + settings.tags().size() + " tags BAD" + badExamples();
            setStatus(DeviceStatus.DEGRADED);
        }
    }

    private String badExamples() {
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (TagStatus t : flow.tagStatus()) {
            if (t.last() != null && !t.last().isGood() && t.last().quality() == io.millwright.api.sample.Quality.BAD && shown++ < 3) {
                b.append(shown == 1 ? ": " : ", ").append(t.name()).append(" (").append(t.last().qualityReason()).append(')');
            }
        }
        return b.toString();
    }

    private synchronized void setStatus(DeviceStatus s) {
        if (status != s) {
            status = s;
            listener.statusChanged(s);
        }
    }

    private void disconnect(OpcUaClient c) {
        if (c == null) {
            return;
        }
        try {
            c.disconnectAsync().get(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("OPC UA device {}: disconnect: {}", settings.id(), StatusNames.describe(e));
        }
    }

    /**
     * Brings the device's view of the session in line with Milo's: down means OFFLINE and BAD
     * samples, back means ONLINE again. Runs on the device thread only. It reads the session
     * machine's state instead of trusting the order of Milo's notifications: those are handed to a
     * pool of two threads, so "active" can be handled before the "inactive" that preceded it, which
     * left a device OFFLINE for good while its data flowed again.
     */
    private void followSession() {
        OpcUaClient c = client;
        if (stopping || c == null) {
            return;
        }
        boolean active = c.getSessionFsm().getState() == State.Active;
        Subscriptions subs = subscriptions;
        if (active && !sessionActive) {
            counters.reconnects.incrementAndGet();
            if (subs != null) {
                subs.heardNow();
            }
            sessionActive = true;
            LOG.info("OPC UA device {}: session to {} active again", settings.id(), settings.endpointUrl());
            updateStatus();
        } else if (!active && sessionActive) {
            sessionActive = false;
            offline("connection to " + settings.endpointUrl() + " lost; reconnecting");
        } else if (active && subs != null) {
            for (OpcUaSubscription s : subs.silent()) {
                LOG.warn("OPC UA device {}: a subscription has sent nothing, not even a keep-alive, for longer than"
                        + " its keep-alive interval allows; replacing it", settings.id());
                subs.heardNow();
                silent(s);
            }
        }
    }

    /** Milo's session notifications, handed to the device thread in whatever order they come. */
    private final class SessionFollower implements SessionActivityListener {

        private final ScheduledExecutorService deviceThread;

        SessionFollower(ScheduledExecutorService deviceThread) {
            this.deviceThread = deviceThread;
        }

        @Override
        public void onSessionInactive(UaSession session) {
            follow();
        }

        @Override
        public void onSessionActive(UaSession session) {
            follow();
        }

        private void follow() {
            try {
                deviceThread.execute(OpcUaDevice.this::followSession);
            } catch (RejectedExecutionException stopped) {
                // the device is stopping
            }
        }
    }

    /** What Milo notifies of the session, as this device hears it: tests replay notifications late. */
    SessionActivityListener sessionFollower() {
        return new SessionFollower(control);
    }

    public DeviceSettings settings() {
        return settings;
    }

    public SubscriptionPlan plan() {
        return plan;
    }

    /** Subscriptions created on the server now (0 while not connected). */
    public int subscriptionCount() {
        Subscriptions s = subscriptions;
        return s == null ? 0 : s.count();
    }

    /** Monitored items the subscriptions hold now. */
    public int monitoredItemCount() {
        Subscriptions s = subscriptions;
        if (s == null) {
            return 0;
        }
        int n = 0;
        for (OpcUaSubscription sub : s.all()) {
            n += sub.getMonitoredItems().size();
        }
        return n;
    }

    /** Nodes read by polling because the server would not monitor them. */
    public int polledNodeCount() {
        PolledNodes p = polls;
        return p == null ? 0 : p.size();
    }

    /** Milo's session state (Active, ReactivatingWait, ...), or "none" before the first connect. */
    public String sessionState() {
        OpcUaClient c = client;
        return c == null ? "none" : c.getSessionFsm().getState().name();
    }

    /** The connected client, for browsing; empty while the session is down. */
    public Optional<OpcUaClient> client() {
        OpcUaClient c = client;
        return sessionActive && c != null ? Optional.of(c) : Optional.empty();
    }

    public long samplesDelivered() {
        return counters.samples.get();
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    /** Monitored items report changes only; the session's keep-alives vouch for the silent ones. */
    @Override
    public String reporting() {
        return REPORTS_BY_EXCEPTION;
    }

    @Override
    public DeviceStatus status() {
        return status;
    }

    @Override
    public String statusDetail() {
        return detail;
    }

    @Override
    public Optional<Instant> lastDataTime() {
        long t = counters.lastDataTime;
        return t < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(t));
    }

    @Override
    public long readCount() {
        return counters.reads.get() + counters.samples.get();
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
        return flow.tagStatus();
    }
}
