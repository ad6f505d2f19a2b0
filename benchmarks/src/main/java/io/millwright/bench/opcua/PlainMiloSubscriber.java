package io.millwright.bench.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.HashedWheelTimer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransport;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfig;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfigBuilder;

/**
 * The baseline: a plain Milo {@link OpcUaClient} with the same items split the same way (1000
 * per subscription), the same publishing and sampling interval, queue size and discard policy as
 * the driver asks for, and the same thread pools (one event loop thread, two executor threads, a
 * scheduler and a wheel timer, named {@code plain-milo-<round>-*}); its listener only counts the
 * values and sums them.
 */
final class PlainMiloSubscriber implements Subscriber {

    private final String url;
    private final int variables;
    private final double publishingMs;
    private final int perSubscription;
    private final String prefix;
    private final NioEventLoopGroup eventLoop;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final HashedWheelTimer wheelTimer;
    private final AtomicLong values = new AtomicLong();
    private final DoubleAdder sum = new DoubleAdder();
    private OpcUaClient client;

    PlainMiloSubscriber(String url, int variables, long publishingMs, int perSubscription, int round) {
        this.url = url;
        this.variables = variables;
        this.publishingMs = publishingMs;
        this.perSubscription = perSubscription;
        this.prefix = "plain-milo-" + round;
        eventLoop = new NioEventLoopGroup(1, threads(prefix + "-io"));
        executor = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads(prefix + "-exec"));
        scheduler = Executors.newSingleThreadScheduledExecutor(threads(prefix + "-sched"));
        wheelTimer = new HashedWheelTimer(threads(prefix + "-timer"));
    }

    @Override
    public String name() {
        return "plain Milo client";
    }

    @Override
    public String threadPrefix() {
        return prefix;
    }

    private void configure(OpcTcpClientTransportConfigBuilder b) {
        b.setEventLoop(eventLoop).setExecutor(executor).setScheduledExecutor(scheduler).setWheelTimer(wheelTimer);
    }

    @Override
    public void start() throws Exception {
        List<EndpointDescription> endpoints = DiscoveryClient.getEndpoints(url, this::configure).get(10, TimeUnit.SECONDS);
        EndpointDescription endpoint = endpoints.stream()
                .filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == MessageSecurityMode.None)
                .findFirst().orElseThrow();
        endpoint = EndpointUtil.updateUrl(endpoint, EndpointUtil.getHost(url), EndpointUtil.getPort(url));
        OpcUaClientConfig config = OpcUaClientConfig.builder()
                .setApplicationName(LocalizedText.english("plain Milo client"))
                .setApplicationUri("urn:millwright:bench:plain-milo")
                .setEndpoint(endpoint)
                .setRequestTimeout(uint(10_000))
                .build();
        OpcTcpClientTransportConfigBuilder tb = OpcTcpClientTransportConfig.newBuilder();
        configure(tb);
        client = new OpcUaClient(config, new OpcTcpClientTransport(tb.build()));
        client.connect();
        for (int first = 0; first < variables; first += perSubscription) {
            OpcUaSubscription s = new OpcUaSubscription(client, publishingMs);
            s.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
                @Override
                public void onDataReceived(OpcUaSubscription subscription, List<OpcUaMonitoredItem> items, List<DataValue> dvs) {
                    double x = 0;
                    for (int i = 0, n = dvs.size(); i < n; i++) {
                        Object v = dvs.get(i).value().getValue();
                        if (v instanceof Number) {
                            x += ((Number) v).doubleValue();
                        }
                    }
                    sum.add(x);
                    values.addAndGet(dvs.size());
                }
            });
            s.create();
            List<OpcUaMonitoredItem> items = new ArrayList<>();
            for (int i = first; i < Math.min(variables, first + perSubscription); i++) {
                OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(NodeId.parse("ns=2;s=V" + i));
                item.setSamplingInterval(publishingMs);
                // as the driver: enough for one publishing interval, never less than 2
                item.setQueueSize(uint(2));
                item.setDiscardOldest(true);
                items.add(item);
            }
            s.addMonitoredItems(items);
            s.createMonitoredItems();
            for (OpcUaMonitoredItem item : s.getMonitoredItems()) {
                if (item.getCreateResult().map(r -> !r.isGood()).orElse(false)) {
                    throw new IllegalStateException("item refused: " + item.getReadValueId() + " " + item.getCreateResult());
                }
            }
        }
    }

    @Override
    public long notifications() {
        return values.get();
    }

    @Override
    public double checksum() {
        return sum.sum();
    }

    @Override
    public void close() throws Exception {
        try {
            if (client != null) {
                client.disconnect();
            }
        } finally {
            wheelTimer.stop();
            scheduler.shutdownNow();
            executor.shutdown();
            eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(3, TimeUnit.SECONDS);
            executor.awaitTermination(2, TimeUnit.SECONDS);
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
