package io.millwright.driver.opcua.internal.client;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.HashedWheelTimer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfigBuilder;

/**
 * The threads Milo's client runs on for one device, named {@code millwright-opcua-<id>-*}: an
 * event loop, an executor (Milo queues its work here; it bounds what it has in flight itself), a
 * scheduler and a wheel timer. Milo's process-wide shared pools are never used, so stopping a
 * device stops every thread it started and touches no other Milo user in the framework.
 */
final class TransportResources implements AutoCloseable {

    private final NioEventLoopGroup eventLoop;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final HashedWheelTimer wheelTimer;

    TransportResources(String deviceId) {
        String prefix = "millwright-opcua-" + deviceId;
        eventLoop = new NioEventLoopGroup(1, threads(prefix + "-io"));
        executor = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads(prefix + "-exec"));
        scheduler = Executors.newSingleThreadScheduledExecutor(threads(prefix + "-sched"));
        wheelTimer = new HashedWheelTimer(threads(prefix + "-timer"));
    }

    void configure(OpcTcpClientTransportConfigBuilder b) {
        b.setEventLoop(eventLoop).setExecutor(executor).setScheduledExecutor(scheduler).setWheelTimer(wheelTimer);
    }

    ExecutorService executor() {
        return executor;
    }

    @Override
    public void close() {
        wheelTimer.stop();
        scheduler.shutdownNow();
        executor.shutdown();
        eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
            eventLoop.terminationFuture().await(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }

    static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
