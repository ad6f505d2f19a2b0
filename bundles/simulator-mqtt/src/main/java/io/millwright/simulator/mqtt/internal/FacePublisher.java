package io.millwright.simulator.mqtt.internal;

import io.millwright.api.simulation.MachineSnapshot;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the face, from {@link #start} to {@link #close}: its own thread
 * ({@code millwright-sim-mqtt}) connects, reconnects with backoff, and every
 * {@code publishIntervalMs} publishes each machine whose values changed (or that has been quiet
 * for {@code refreshMs}) from the latest snapshot its {@link MachineFeed} holds. After each
 * connection and each rebirth request the Sparkplug B node is born again: NBIRTH, then a DBIRTH per
 * machine before any of its data. A message Paho refuses leaves a gap in {@code seq}, so the
 * node is born again at the next round.
 */
final class FacePublisher implements BrokerLink.Events, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FacePublisher.class);
    private static final long FIRST_RECONNECT_MS = 250;
    private static final List<MachineMetric> ALL = Arrays.asList(MachineMetric.values());

    private final MqttFaceSettings settings;
    private final MachineFeed feed = new MachineFeed();
    /** Null when only JSON is published. */
    private final SparkplugEdge edge;
    private final ScheduledThreadPoolExecutor thread;
    private final BrokerLink link;
    private final AtomicLong published = new AtomicLong();

    // on the publisher's thread only
    /** Doubles after each failed attempt up to reconnectMaxDelayMs (one client: no jitter needed). */
    private long reconnectDelayMs = FIRST_RECONNECT_MS;
    private final Map<String, PublishedMachine> machines = new LinkedHashMap<>();
    private int attempt;
    private long bdSeq;
    private boolean connected;
    private boolean rebirth;
    private boolean lossReported;

    // for the shell and the health check
    private volatile boolean up;
    private volatile String problem;

    /** @param lastBdSeq the bdSeq of the previous run's last connection, so that this run's differ; -1 for none */
    FacePublisher(MqttFaceSettings settings, long lastBdSeq) throws MqttException {
        this.settings = settings;
        this.bdSeq = lastBdSeq;
        edge = settings.sparkplug() ? new SparkplugEdge(settings.groupId(), settings.edgeNodeId()) : null;
        thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "millwright-sim-mqtt");
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
        link = new BrokerLink(settings, edge == null ? null : edge.nodeTopic("NCMD"), thread, this);
        problem = "connecting to " + settings.brokerUri();
    }

    /** The listener to add to the plant. */
    MachineFeed feed() {
        return feed;
    }

    void start() {
        thread.execute(this::connect);
        thread.scheduleWithFixedDelay(this::cycle, settings.publishIntervalMs(), settings.publishIntervalMs(),
                TimeUnit.MILLISECONDS);
    }

    boolean isConnected() {
        return up;
    }

    /** Why not connected; empty when connected. */
    String problem() {
        return problem;
    }

    /** Messages handed to the broker connection since start, births and deaths included. */
    long messagesPublished() {
        return published.get();
    }

    /** The bdSeq of the last connection attempt; read after {@link #close}. */
    long bdSeq() {
        return bdSeq;
    }

    /** Stops the thread, then publishes the NDEATH (a clean disconnect sends no will) and disconnects. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("simulator MQTT: the publisher thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.close(edge == null ? null : edge.ndeath(bdSeq));
        up = false;
    }

    @Override
    public void connected(int which) {
        if (which != attempt) {
            return;
        }
        connected = true;
        rebirth = edge != null;
        lossReported = false;
        machines.values().forEach(PublishedMachine::forget);
        reconnectDelayMs = FIRST_RECONNECT_MS;
        problem = "";
        up = true;
        LOG.info("simulator MQTT: publishing to {}", settings);
        cycle();
    }

    @Override
    public void lost(int which, String why) {
        if (which != attempt) {
            return;
        }
        attempt = 0; // one reconnect per loss, however many callbacks report it
        connected = false;
        up = false;
        problem = why;
        long delay = reconnectDelayMs;
        reconnectDelayMs = Math.min(settings.reconnectMaxDelayMs(), reconnectDelayMs * 2);
        if (!lossReported) {
            LOG.warn("simulator MQTT: {}; retrying, backing off up to {} ms", why, settings.reconnectMaxDelayMs());
            lossReported = true;
        } else {
            LOG.debug("simulator MQTT: {}; next attempt in {} ms", why, delay);
        }
        thread.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void rebirthRequested() {
        if (connected && edge != null) {
            LOG.info("simulator MQTT: rebirth requested on {}", edge.nodeTopic("NCMD"));
            rebirth = true;
            cycle();
        }
    }

    private void connect() {
        // each connection has its own bdSeq, carried by its will and by the NBIRTH that follows it
        bdSeq = (bdSeq + 1) % 256;
        attempt = link.connect(edge == null ? null : edge.ndeath(bdSeq));
    }

    private void cycle() {
        try {
            feed.drain(this::apply);
            if (!connected) {
                return;
            }
            long now = System.nanoTime() / 1_000_000;
            if (rebirth) {
                if (!send(edge.nbirth(bdSeq, System.currentTimeMillis()), 0)) {
                    return;
                }
                rebirth = false;
                machines.values().forEach(m -> m.born(false));
            }
            for (PublishedMachine m : machines.values()) {
                publish(m, now);
            }
        } catch (RuntimeException e) {
            // keep the schedule alive: a scheduled task that throws never runs again
            LOG.warn("simulator MQTT: publishing failed", e);
        }
    }

    private void apply(MachineFeed.Event event) {
        if (event instanceof MachineFeed.Added added) {
            String id = added.machineId();
            if (id.contains("/") || id.contains("+") || id.contains("#")) {
                LOG.warn("simulator MQTT: machine '{}' not published: its id cannot be a topic level", id);
                return;
            }
            machines.put(id, new PublishedMachine(id, added.latest()));
        } else if (event instanceof MachineFeed.Removed removed) {
            PublishedMachine m = machines.remove(removed.machineId());
            if (m != null && m.born() && connected && !rebirth
                    && !send(edge.ddeath(m.id(), System.currentTimeMillis()), 0)) {
                rebirth = true;
            }
        }
    }

    /** At most one JSON message and one DDATA (or a DBIRTH) per machine and interval, from its latest snapshot. */
    private void publish(PublishedMachine m, long now) {
        MachineSnapshot s = m.latest();
        Map<MachineMetric, Object> values = MachineMetric.valuesOf(s);
        boolean justBorn = false;
        if (edge != null && !m.born()) {
            if (!send(edge.dbirth(m.id(), values, s.timeMillis()), 0)) {
                rebirth = true;
                return;
            }
            m.born(true);
            justBorn = true;
        }
        List<MachineMetric> changed = m.changed(values);
        long quiet = m.quietFor(now);
        boolean refresh = settings.refreshMs() > 0 && quiet >= settings.refreshMs();
        if (quiet < settings.publishIntervalMs() || changed.isEmpty() && !refresh) {
            return;
        }
        boolean ok = !settings.json() || send(new Outgoing(settings.topicPrefix() + "/" + m.id(),
                JsonMessage.of(s, values)), settings.qos());
        if (edge != null && !justBorn) {
            Outgoing ddata = edge.ddata(m.id(), values, changed.isEmpty() ? ALL : changed, s.timeMillis());
            if (ddata != null && !send(ddata, 0)) {
                rebirth = true;
                ok = false;
            }
        }
        if (ok) {
            m.sent(values, now);
        }
    }

    private boolean send(Outgoing message, int qos) {
        if (!link.publish(message.topic(), message.payload(), qos)) {
            return false;
        }
        published.incrementAndGet();
        return true;
    }
}
