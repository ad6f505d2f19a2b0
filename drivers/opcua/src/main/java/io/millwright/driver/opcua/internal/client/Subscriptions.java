package io.millwright.driver.opcua.internal.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * A device's subscriptions, one per group of the {@link SubscriptionPlan}. Creating them sorts
 * the nodes: monitored; polled, when the server refuses to monitor the node; or BAD, when the
 * node itself is wrong (unknown, invalid, not readable). A subscription the server lost (transfer
 * failed after a reconnect) is created again with its items, on the device's own thread.
 */
final class Subscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
    /** Statuses that mean the node itself is wrong: reading it would fail too. */
    private static final Set<Long> NODE_IS_BAD = Set.of(StatusCodes.Bad_NodeIdUnknown, StatusCodes.Bad_NodeIdInvalid,
            StatusCodes.Bad_NotReadable, StatusCodes.Bad_UserAccessDenied, StatusCodes.Bad_AttributeIdInvalid,
            StatusCodes.Bad_IndexRangeInvalid);

    private final String deviceId;
    private final SubscriptionPlan plan;
    private final double publishingMs;
    private final SampleFlow flow;
    private final Consumer<OpcUaSubscription> lost;
    private final Consumer<OpcUaSubscription> silent;
    // written on the device thread only; read by Milo's threads (logging) and the shell
    private final List<OpcUaSubscription> subscriptions = new CopyOnWriteArrayList<>();
    // when each subscription last delivered anything (data or keep-alive), System.nanoTime()
    private final Map<OpcUaSubscription, Long> lastHeard = new ConcurrentHashMap<>();

    /**
     * @param lost told (on a Milo thread) of a subscription the server no longer has
     * @param silent told (on a Milo thread) of one that went silent or was closed: to be {@link #replace}d
     */
    Subscriptions(String deviceId, SubscriptionPlan plan, double publishingMs, SampleFlow flow,
                  Consumer<OpcUaSubscription> lost, Consumer<OpcUaSubscription> silent) {
        this.deviceId = deviceId;
        this.plan = plan;
        this.publishingMs = publishingMs;
        this.flow = flow;
        this.lost = lost;
        this.silent = silent;
    }

    /** Creates every subscription and its items; returns the nodes to poll instead. */
    List<MonitoredNode> create(OpcUaClient client) throws UaException {
        List<MonitoredNode> polled = new ArrayList<>();
        for (List<MonitoredNode> group : plan.groups()) {
            OpcUaSubscription s = new OpcUaSubscription(client, publishingMs);
            s.setSubscriptionListener(new Listener());
            s.create();
            subscriptions.add(s);
            lastHeard.put(s, System.nanoTime());
            for (MonitoredNode node : group) {
                s.addMonitoredItem(item(node));
            }
            polled.addAll(sort(s));
        }
        return polled;
    }

    /** Creates a lost subscription again with the items it had; returns nodes that must now be polled. */
    List<MonitoredNode> recreate(OpcUaSubscription s) throws UaException {
        s.create();
        return sort(s);
    }

    /**
     * Puts a new subscription with the same items in place of one that went silent (no publish
     * response, not even a keep-alive, past Milo's watchdog) or that the server reported closed;
     * returns nodes that must now be polled. The old one is deleted on the server if it is still
     * there. Nothing happens for a subscription already replaced.
     */
    List<MonitoredNode> replace(OpcUaClient client, OpcUaSubscription old) throws UaException {
        int index = subscriptions.indexOf(old);
        if (index < 0) {
            return List.of();
        }
        List<MonitoredNode> nodes = new ArrayList<>();
        for (OpcUaMonitoredItem item : old.getMonitoredItems()) {
            nodes.add((MonitoredNode) item.getUserObject().orElseThrow());
        }
        OpcUaSubscription fresh = new OpcUaSubscription(client, publishingMs);
        fresh.setSubscriptionListener(new Listener());
        fresh.create();
        try {
            old.delete();
        } catch (UaException | RuntimeException gone) {
            LOG.debug("OPC UA device {}: deleting a replaced subscription: {}", deviceId, gone.toString());
        }
        subscriptions.set(index, fresh);
        lastHeard.remove(old);
        lastHeard.put(fresh, System.nanoTime());
        for (MonitoredNode node : nodes) {
            fresh.addMonitoredItem(item(node));
        }
        return sort(fresh);
    }

    /**
     * Subscriptions that delivered nothing, not even a keep-alive, for one and a half keep-alive
     * intervals (15 s at least). Milo's own watchdog did not always fire after a reconnect that
     * left the subscription without publish responses.
     */
    List<OpcUaSubscription> silent() {
        long now = System.nanoTime();
        List<OpcUaSubscription> silent = new ArrayList<>();
        for (OpcUaSubscription s : subscriptions) {
            long keepAliveMs = (long) (publishingMs * Math.max(1L, s.getMaxKeepAliveCount().longValue()));
            long limitNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(15_000L, keepAliveMs * 3 / 2));
            Long heard = lastHeard.get(s);
            if (heard != null && now - heard > limitNanos) {
                silent.add(s);
            }
        }
        return silent;
    }

    /** Starts every subscription's silence afresh: the session was away, and that was not their fault. */
    void heardNow() {
        long now = System.nanoTime();
        for (OpcUaSubscription s : subscriptions) {
            lastHeard.put(s, now);
        }
    }

    int count() {
        return subscriptions.size();
    }

    List<OpcUaSubscription> all() {
        return List.copyOf(subscriptions);
    }

    private List<MonitoredNode> sort(OpcUaSubscription s) {
        s.createMonitoredItems();
        List<MonitoredNode> polled = new ArrayList<>();
        List<MonitoredNode> bad = new ArrayList<>();
        List<OpcUaMonitoredItem> refused = new ArrayList<>();
        for (OpcUaMonitoredItem item : s.getMonitoredItems()) {
            MonitoredNode node = (MonitoredNode) item.getUserObject().orElseThrow();
            StatusCode result = item.getCreateResult().orElse(StatusCode.GOOD);
            if (result.isGood()) {
                node.mode(MonitoredNode.Mode.SUBSCRIBED, "");
                continue;
            }
            refused.add(item);
            String name = StatusNames.name(result);
            if (NODE_IS_BAD.contains(result.value())) {
                node.mode(MonitoredNode.Mode.BAD, name);
                bad.add(node);
                LOG.warn("OPC UA device {}: node {} (tags {}) is BAD: {}", deviceId, node.nodeIdText(), tagNames(node), name);
            } else {
                node.mode(MonitoredNode.Mode.POLLED, name);
                polled.add(node);
                LOG.info("OPC UA device {}: node {} cannot be monitored ({}); reading it every {} ms instead", deviceId,
                        node.nodeIdText(), name, (long) node.samplingMs());
            }
        }
        // keep refused items out of later creates (after a transfer failure they would be refused again)
        s.removeMonitoredItems(refused);
        for (MonitoredNode node : bad) {
            flow.bad(List.of(node), node.modeReason());
        }
        return polled;
    }

    private OpcUaMonitoredItem item(MonitoredNode node) {
        OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(node.nodeId());
        item.setSamplingInterval(node.samplingMs());
        item.setQueueSize(uint(queueSize(node.samplingMs())));
        item.setDiscardOldest(true);
        if (node.deadband() > 0) {
            item.setFilter(new DataChangeFilter(DataChangeTrigger.StatusValue, uint(DeadbandType.Absolute.getValue()),
                    node.deadband()));
        }
        item.setUserObject(node);
        return item;
    }

    /** Enough to keep every sample of one publishing interval, and never less than 2. */
    private int queueSize(double samplingMs) {
        if (samplingMs <= 0) {
            return 10;
        }
        return (int) Math.max(2, Math.min(100, Math.ceil(publishingMs / samplingMs) + 1));
    }

    private static String tagNames(MonitoredNode node) {
        List<String> names = new ArrayList<>();
        node.tags().forEach(t -> names.add(t.name()));
        return String.join(",", names);
    }

    /** Hands notifications to the flow, in the order Milo delivers them for this subscription. */
    private final class Listener implements OpcUaSubscription.SubscriptionListener {

        @Override
        public void onDataReceived(OpcUaSubscription subscription, List<OpcUaMonitoredItem> items, List<DataValue> values) {
            lastHeard.put(subscription, System.nanoTime());
            List<MonitoredNode> nodes = new ArrayList<>(items.size());
            for (OpcUaMonitoredItem item : items) {
                nodes.add((MonitoredNode) item.getUserObject().orElseThrow());
            }
            flow.values(nodes, values);
        }

        @Override
        public void onKeepAliveReceived(OpcUaSubscription subscription) {
            lastHeard.put(subscription, System.nanoTime());
        }

        @Override
        public void onWatchdogTimerElapsed(OpcUaSubscription subscription) {
            if (!subscriptions.contains(subscription)) {
                return; // one already replaced, whose deletion the server did not confirm
            }
            LOG.warn("OPC UA device {}: subscription {} sent nothing, not even a keep-alive, for longer than its"
                    + " keep-alive interval; replacing it", deviceId, subscriptions.indexOf(subscription) + 1);
            silent.accept(subscription);
        }

        @Override
        public void onStatusChanged(OpcUaSubscription subscription, StatusCode status) {
            if (status.isBad() && subscriptions.contains(subscription)) {
                LOG.warn("OPC UA device {}: the server closed subscription {} ({}); replacing it", deviceId,
                        subscriptions.indexOf(subscription) + 1, StatusNames.name(status));
                silent.accept(subscription);
            }
        }

        @Override
        public void onTransferFailed(OpcUaSubscription subscription, StatusCode status) {
            LOG.info("OPC UA device {}: the server lost subscription {} ({}); creating it again", deviceId,
                    subscriptions.indexOf(subscription) + 1, StatusNames.name(status));
            lost.accept(subscription);
        }
    }
}
