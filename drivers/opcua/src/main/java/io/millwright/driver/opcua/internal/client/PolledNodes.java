package io.millwright.driver.opcua.internal.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;

/**
 * Nodes the server would not monitor, read instead at their sampling interval: one read request
 * per interval for all nodes sharing it. A read still outstanding when the next is due is skipped
 * rather than queued.
 */
final class PolledNodes {

    private final SampleFlow flow;
    private final DeviceCounters counters;
    private final ScheduledExecutorService scheduler;
    private final Supplier<OpcUaClient> client;
    private final BooleanSupplier online;
    private final List<MonitoredNode> nodes = new ArrayList<>();
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

    PolledNodes(SampleFlow flow, DeviceCounters counters, ScheduledExecutorService scheduler, Supplier<OpcUaClient> client,
                BooleanSupplier online) {
        this.flow = flow;
        this.counters = counters;
        this.scheduler = scheduler;
        this.client = client;
        this.online = online;
    }

    /** Starts reading these nodes too; called on the device thread. */
    void add(List<MonitoredNode> more) {
        List<MonitoredNode> fresh = new ArrayList<>();
        for (MonitoredNode n : more) {
            if (!nodes.contains(n)) {
                fresh.add(n);
                nodes.add(n);
            }
        }
        Map<Long, List<MonitoredNode>> byInterval = new TreeMap<>();
        for (MonitoredNode n : fresh) {
            byInterval.computeIfAbsent(Math.max(10L, (long) n.samplingMs()), k -> new ArrayList<>()).add(n);
        }
        for (Map.Entry<Long, List<MonitoredNode>> e : byInterval.entrySet()) {
            Read read = new Read(List.copyOf(e.getValue()));
            tasks.add(scheduler.scheduleAtFixedRate(read, 0, e.getKey(), TimeUnit.MILLISECONDS));
        }
    }

    int size() {
        return nodes.size();
    }

    void stop() {
        tasks.forEach(t -> t.cancel(false));
        tasks.clear();
        nodes.clear();
    }

    /** One interval's read. */
    private final class Read implements Runnable {

        private final List<MonitoredNode> group;
        private final List<NodeId> ids = new ArrayList<>();
        private final AtomicBoolean inFlight = new AtomicBoolean();

        Read(List<MonitoredNode> group) {
            this.group = group;
            group.forEach(n -> ids.add(n.nodeId()));
        }

        @Override
        public void run() {
            OpcUaClient c = client.get();
            if (c == null || !online.getAsBoolean() || !inFlight.compareAndSet(false, true)) {
                return;
            }
            long start = System.nanoTime();
            c.readValuesAsync(0.0, TimestampsToReturn.Both, ids).whenComplete((values, error) -> {
                inFlight.set(false);
                if (error != null) {
                    counters.errors.incrementAndGet();
                    flow.bad(group, "read failed: " + StatusNames.describe(error));
                    return;
                }
                counters.reads.incrementAndGet();
                counters.lastRoundTripNanos = System.nanoTime() - start;
                flow.values(group, values);
            });
        }
    }
}
