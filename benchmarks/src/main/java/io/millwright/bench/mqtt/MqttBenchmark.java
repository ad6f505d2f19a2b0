package io.millwright.bench.mqtt;

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
import java.util.function.ToDoubleFunction;

/**
 * The MQTT driver's benchmark (run-mqtt-bench.sh): one broker on loopback, one Paho publisher
 * sending simulator-like JSON ({"ts":..,"running":true,"totalCount":N,"speed":12.5}) as fast as
 * the broker takes it, and in alternating rounds (a) the driver (an MqttConnection with one JSON
 * device mapping three tags and the timestamp) into a counting SampleSink and (b) a plain Paho
 * subscriber parsing the same JSON with Jackson, both at the same QoS. A round subscribes, starts
 * the publisher, settles, counts for {@code roundMillis}, stops. Round 0 (one pair) warms up and is
 * not counted; medians over the rest. QoS 0 first, then QoS 1. Prints Markdown.
 *
 * The broker is Debian's mosquitto by default: Moquette 0.17 in this JVM cannot take a flat-out
 * publisher (its per-session command queue fills, it drops publishes and closes the subscriber's
 * connection, even with 20 messages in flight), so it is only kept as an option.
 *
 * <pre>java io.millwright.bench.mqtt.MqttBenchmark [roundMillis=5000] [rounds=5] [broker=mosquitto|moquette] [window=1000] [settleMillis=1000] [qos=0,1]</pre>
 */
public final class MqttBenchmark {

    static final String TOPIC = "bench/press01/telemetry";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private MqttBenchmark() {
    }

    /** One measured window of one path. */
    record Window(double messagesPerSecond, double valuesPerSecond, double publishedPerSecond, double processCpuShare,
                  double clientCpuShare, double clientCpuMicrosPerMessage) {
    }

    public static void main(String[] args) throws Exception {
        long roundMillis = Long.parseLong(arg(args, 0, "5000"));
        int rounds = Integer.parseInt(arg(args, 1, "5"));
        String brokerKind = arg(args, 2, "mosquitto");
        int window = Integer.parseInt(arg(args, 3, "1000"));
        long settleMillis = Long.parseLong(arg(args, 4, "1000"));
        int[] qosLevels = Arrays.stream(arg(args, 5, "0,1").split(",")).mapToInt(Integer::parseInt).toArray();
        THREADS.setThreadCpuTimeEnabled(true);
        Path dir = Files.createTempDirectory("mqtt-bench");

        StringBuilder out = new StringBuilder();
        double checksum = 0;
        try (BenchBroker broker = new BenchBroker(brokerKind, dir);
             Publisher publisher = new Publisher(broker.uri(), TOPIC, window)) {
            System.err.printf("# broker %s at %s, publisher window %d%n", brokerKind, broker.uri(), window);
            out.append(String.format("Broker: %s; one Paho 1.2.5 publisher (MqttAsyncClient, memory persistence, at most %d"
                    + " messages in flight) sending ~75-byte JSON; %d cores; %d rounds of %d ms after %d ms settling,"
                    + " alternating which path goes first, after one warm-up pair; medians.%n%n",
                    broker.description(), window, OS.getAvailableProcessors(), rounds, roundMillis, settleMillis));
            for (int qos : qosLevels) {
                List<Window> driver = new ArrayList<>();
                List<Window> plain = new ArrayList<>();
                for (int r = 0; r <= rounds; r++) {
                    boolean driverFirst = r % 2 == 0;
                    for (int k = 0; k < 2; k++) {
                        boolean isDriver = (k == 0) == driverFirst;
                        int id = qos * 1000 + r;
                        Receiver s = isDriver ? new DriverReceiver(broker.uri(), TOPIC, qos, id)
                                : new PlainPahoReceiver(broker.uri(), TOPIC, qos, id);
                        Window w;
                        try {
                            w = measure(s, publisher, qos, roundMillis, settleMillis);
                            checksum += s.checksum();
                            if (s instanceof DriverReceiver d && d.quarantined() > 0) {
                                System.err.println("# warning: the driver quarantined " + d.quarantined() + " payloads");
                            }
                        } finally {
                            s.close();
                        }
                        System.err.printf("# QoS %d round %d %-10s %,9.0f msg/s (%,.0f values/s), published %,9.0f msg/s,"
                                        + " process CPU %.0f %%, client threads CPU %.0f %% (%.2f us/msg)%n",
                                qos, r, s.name(), w.messagesPerSecond(), w.valuesPerSecond(), w.publishedPerSecond(),
                                100 * w.processCpuShare(), 100 * w.clientCpuShare(), w.clientCpuMicrosPerMessage());
                        if (r > 0) {
                            (isDriver ? driver : plain).add(w);
                        }
                        Thread.sleep(300);
                    }
                }
                table(out, qos, driver, plain);
            }
            if (publisher.failed() > 0) {
                System.err.println("# warning: " + publisher.failed() + " publishes failed");
            }
        }
        System.err.println("# checksum " + checksum);
        System.out.print(out);
    }

    private static void table(StringBuilder out, int qos, List<Window> driver, List<Window> plain) {
        out.append(String.format("### QoS %d%n%n", qos));
        out.append("| path | messages/s delivered | samples/s | publisher's rate meanwhile | process CPU (incl. broker, publisher) | client threads' CPU | client CPU per message | rounds (messages/s) |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        row(out, "driver -> counting SampleSink", driver);
        row(out, "plain Paho + Jackson", plain);
        double ratio = median(driver, Window::messagesPerSecond) / median(plain, Window::messagesPerSecond);
        out.append(String.format("%nratio driver / plain Paho = %.3f (target >= 0.9: %s); client CPU per message, driver / plain = %.2f%n%n",
                ratio, ratio >= 0.9 ? "met" : "NOT met",
                median(driver, Window::clientCpuMicrosPerMessage) / median(plain, Window::clientCpuMicrosPerMessage)));
    }

    private static void row(StringBuilder out, String name, List<Window> ws) {
        StringBuilder rs = new StringBuilder();
        for (Window w : ws) {
            rs.append(rs.length() == 0 ? "" : ", ").append(String.format("%.0f", w.messagesPerSecond()));
        }
        out.append(String.format("| %s | %,.0f | %,.0f | %,.0f | %.0f %% of one core | %.0f %% of one core | %.2f us | %s |%n", name,
                median(ws, Window::messagesPerSecond), median(ws, Window::valuesPerSecond),
                median(ws, Window::publishedPerSecond), 100 * median(ws, Window::processCpuShare),
                100 * median(ws, Window::clientCpuShare), median(ws, Window::clientCpuMicrosPerMessage), rs));
    }

    private static Window measure(Receiver s, Publisher publisher, int qos, long roundMillis, long settleMillis)
            throws Exception {
        s.start();
        publisher.start(qos);
        try {
            long deadline = System.currentTimeMillis() + 30_000;
            while (s.messages() == 0) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(s.name() + ": no message within 30 s");
                }
                Thread.sleep(5);
            }
            Thread.sleep(settleMillis);
            Map<Long, Long> threads0 = threadCpu(s.clientId());
            long cpu0 = OS.getProcessCpuTime();
            long n0 = s.messages();
            long v0 = s.values();
            long p0 = publisher.completed();
            long t0 = System.nanoTime();
            Thread.sleep(roundMillis);
            long n1 = s.messages();
            long v1 = s.values();
            long p1 = publisher.completed();
            long t1 = System.nanoTime();
            long cpu1 = OS.getProcessCpuTime();
            Map<Long, Long> threads1 = threadCpu(s.clientId());
            long clientNanos = 0;
            for (Map.Entry<Long, Long> e : threads1.entrySet()) {
                clientNanos += e.getValue() - threads0.getOrDefault(e.getKey(), 0L);
            }
            double wall = (t1 - t0) / 1e9;
            long msgs = n1 - n0;
            return new Window(msgs / wall, (v1 - v0) / wall, (p1 - p0) / wall, (cpu1 - cpu0) / 1e9 / wall,
                    clientNanos / 1e9 / wall, msgs == 0 ? Double.NaN : clientNanos / 1e3 / msgs);
        } finally {
            publisher.stop();
        }
    }

    /** CPU nanoseconds of every live thread whose name contains the client id (Paho names its threads after it). */
    private static Map<Long, Long> threadCpu(String clientId) {
        Map<Long, Long> out = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(clientId)) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    out.put(info.getThreadId(), cpu);
                }
            }
        }
        return out;
    }

    private static double median(List<Window> ws, ToDoubleFunction<Window> f) {
        double[] s = ws.stream().mapToDouble(f).toArray();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String arg(String[] args, int index, String dflt) {
        return args.length > index && !args[index].isEmpty() ? args[index] : dflt;
    }
}
