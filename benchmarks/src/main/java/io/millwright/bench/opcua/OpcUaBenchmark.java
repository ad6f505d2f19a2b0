package io.millwright.bench.opcua;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OPC UA driver's benchmark (run-opcua-bench.sh): a Milo server in this JVM with
 * {@code variables} Double variables, every one changed every {@code updateMs}; in alternating
 * rounds (a) the driver (one OpcUaDevice, a tag per variable, maxItemsPerSubscription default)
 * into a counting SampleSink and (b) a plain Milo OpcUaClient subscribing to the same items the
 * same way, counting the values its listener gets. Each round connects, creates the items, lets
 * them settle, then counts for {@code roundMillis}; medians over the rounds. Prints Markdown.
 *
 * <pre>java io.millwright.bench.opcua.OpcUaBenchmark [roundMillis=5000] [rounds=5] [variables=10000] [updateMs=100] [settleMillis=2000]</pre>
 */
public final class OpcUaBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private OpcUaBenchmark() {
    }

    /** One measured window of one subscriber. */
    record Window(double perSecond, double processCpuShare, double clientCpuShare, double clientCpuMicrosPerValue) {
    }

    public static void main(String[] args) throws Exception {
        long roundMillis = arg(args, 0, 5000);
        int rounds = (int) arg(args, 1, 5);
        int variables = (int) arg(args, 2, 10_000);
        long updateMs = arg(args, 3, 100);
        long settleMillis = arg(args, 4, 2000);
        THREADS.setThreadCpuTimeEnabled(true);
        Path etc = Files.createTempDirectory("opcua-bench");

        List<Window> driver = new ArrayList<>();
        List<Window> plain = new ArrayList<>();
        int driverSubscriptions = 0;
        double checksum = 0;
        try (BenchServer server = new BenchServer(variables, updateMs)) {
            System.err.printf("# server %s, %d variables changed every %d ms%n", server.url(), variables, updateMs);
            // round 0 warms both paths up and is not counted
            for (int r = 0; r <= rounds; r++) {
                boolean driverFirst = r % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    boolean isDriver = (k == 0) == driverFirst;
                    Subscriber s = isDriver ? new DriverSubscriber(server.url(), variables, updateMs, etc, r)
                            : new PlainMiloSubscriber(server.url(), variables, updateMs, 1000, r);
                    Window w;
                    try {
                        w = measure(s, server, variables, roundMillis, settleMillis);
                        if (isDriver) {
                            driverSubscriptions = ((DriverSubscriber) s).subscriptions();
                        }
                        checksum += s.checksum();
                    } finally {
                        s.close();
                    }
                    awaitNoItems(server);
                    System.err.printf("# round %d %-17s %,.0f values/s, process CPU %.0f %%, client threads CPU %.0f %% (%.2f us/value)%n",
                            r, s.name(), w.perSecond(), 100 * w.processCpuShare(), 100 * w.clientCpuShare(),
                            w.clientCpuMicrosPerValue());
                    if (r > 0) {
                        (isDriver ? driver : plain).add(w);
                    }
                }
            }
        }
        System.err.println("# checksum " + checksum);

        double expected = variables * 1000.0 / updateMs;
        double dRate = median(driver, Window::perSecond);
        double pRate = median(plain, Window::perSecond);
        System.out.printf("## OPC UA: %,d monitored items changing every %d ms%n%n", variables, updateMs);
        System.out.printf("Milo 1.1.2 server in the same JVM (%d cores); the driver used %d subscriptions; %d rounds of %d ms each"
                + " after %d ms settling, alternating which goes first; medians.%n%n", OS.getAvailableProcessors(),
                driverSubscriptions, rounds, roundMillis, settleMillis);
        System.out.println("| path | values/s delivered | of the server's changes | process CPU (incl. server) | client threads' CPU | client CPU per value | rounds (values/s) |");
        System.out.println("|---|---|---|---|---|---|---|");
        row("driver -> counting SampleSink", driver, expected);
        row("plain Milo OpcUaClient subscription", plain, expected);
        System.out.println();
        double ratio = dRate / pRate;
        System.out.printf("ratio driver / plain Milo = %.3f (target >= 0.9: %s)%n", ratio, ratio >= 0.9 ? "met" : "NOT met");
        System.out.printf("client CPU per value, driver / plain Milo = %.2f%n",
                median(driver, Window::clientCpuMicrosPerValue) / median(plain, Window::clientCpuMicrosPerValue));
    }

    private static void row(String name, List<Window> ws, double expected) {
        StringBuilder rs = new StringBuilder();
        for (Window w : ws) {
            rs.append(rs.length() == 0 ? "" : ", ").append(String.format("%.0f", w.perSecond()));
        }
        double rate = median(ws, Window::perSecond);
        System.out.printf("| %s | %,.0f | %.1f %% | %.0f %% of one core | %.0f %% of one core | %.2f us | %s |%n", name, rate,
                100 * rate / expected, 100 * median(ws, Window::processCpuShare), 100 * median(ws, Window::clientCpuShare),
                median(ws, Window::clientCpuMicrosPerValue), rs);
    }

    private static Window measure(Subscriber s, BenchServer server, int variables, long roundMillis, long settleMillis)
            throws Exception {
        s.start();
        long deadline = System.currentTimeMillis() + 60_000;
        // every item has delivered at least once, on average
        while (s.notifications() < variables || server.monitoredItems() < variables) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(s.name() + ": only " + s.notifications() + " values, "
                        + server.monitoredItems() + " items on the server");
            }
            Thread.sleep(10);
        }
        Thread.sleep(settleMillis);
        Map<Long, Long> threads0 = threadCpu(s.threadPrefix());
        long cpu0 = OS.getProcessCpuTime();
        long n0 = s.notifications();
        long t0 = System.nanoTime();
        Thread.sleep(roundMillis);
        long n1 = s.notifications();
        long t1 = System.nanoTime();
        long cpu1 = OS.getProcessCpuTime();
        Map<Long, Long> threads1 = threadCpu(s.threadPrefix());
        long clientNanos = 0;
        for (Map.Entry<Long, Long> e : threads1.entrySet()) {
            clientNanos += e.getValue() - threads0.getOrDefault(e.getKey(), 0L);
        }
        double wall = (t1 - t0) / 1e9;
        long values = n1 - n0;
        return new Window(values / wall, (cpu1 - cpu0) / 1e9 / wall, clientNanos / 1e9 / wall,
                values == 0 ? Double.NaN : clientNanos / 1e3 / values);
    }

    /** CPU nanoseconds of every live thread whose name starts with the prefix. */
    private static Map<Long, Long> threadCpu(String prefix) {
        Map<Long, Long> out = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    out.put(info.getThreadId(), cpu);
                }
            }
        }
        return out;
    }

    private static void awaitNoItems(BenchServer server) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (server.monitoredItems() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        if (server.monitoredItems() > 0) {
            System.err.println("# warning: " + server.monitoredItems() + " items still on the server after the client left");
        }
    }

    private static double median(List<Window> ws, java.util.function.ToDoubleFunction<Window> f) {
        double[] s = ws.stream().mapToDouble(f).toArray();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long arg(String[] args, int index, long dflt) {
        return args.length > index ? Long.parseLong(args[index]) : dflt;
    }
}
