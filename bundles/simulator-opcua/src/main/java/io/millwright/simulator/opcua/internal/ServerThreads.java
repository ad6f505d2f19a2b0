package io.millwright.simulator.opcua.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one run of the OPC UA server, all named {@code millwright-sim-opcua-*}: Netty's
 * event loop, the service executor and the timer. Milo would otherwise use its static shared
 * pools, which the OPC UA driver in the same framework also uses, so they could be neither owned
 * nor stopped here. (Milo's shared wheel timer, one thread used for secure channel deadlines, is
 * the exception: it is Milo's, shared, and outlives the server.)
 */
final class ServerThreads implements AutoCloseable {

    private static final String PREFIX = "millwright-sim-opcua";

    private final EventLoopGroup eventLoop = new NioEventLoopGroup(2, new DefaultThreadFactory(PREFIX + "-io", true));
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), named(PREFIX + "-worker"), new ThreadPoolExecutor.CallerRunsPolicy());
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, named(PREFIX + "-timer"));

    ServerThreads() {
        executor.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
    }

    EventLoopGroup eventLoop() {
        return eventLoop;
    }

    ExecutorService executor() {
        return executor;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    /** Stops every thread and waits up to a few seconds for them to end. */
    @Override
    public void close() {
        timer.shutdownNow();
        executor.shutdown();
        eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
