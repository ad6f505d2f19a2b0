package io.millwright.bench.modbus;

import java.util.ArrayList;
import java.util.List;

/**
 * The Modbus driver's benchmark (run-modbus-bench.sh): (a) registers per second through the
 * driver against a plain j2mod loop on the same slave, (b) poll jitter and CPU with many devices.
 * Prints a Markdown summary.
 *
 * <pre>java io.millwright.bench.modbus.ModbusBenchmark [roundMillis=3000] [rounds=5] [devices=100] [intervalMs=100] [jitterSeconds=30]</pre>
 */
public final class ModbusBenchmark {

    private ModbusBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long roundMillis = arg(args, 0, 3000);
        int rounds = (int) arg(args, 1, 5);
        int devices = (int) arg(args, 2, 100);
        long intervalMs = arg(args, 3, 100);
        long jitterSeconds = arg(args, 4, 30);

        ThroughputRun.Result t;
        try (BenchSlave slave = new BenchSlave(4)) {
            ThroughputRun run = new ThroughputRun(slave.port, roundMillis, rounds);
            t = run.run();
            System.err.println("# checksum " + run.checksum);
        }
        System.out.println("## (a) Registers per second, driver vs plain j2mod");
        System.out.println();
        System.out.println("| path | registers/s (median of " + rounds + " x " + roundMillis + " ms) | rounds |");
        System.out.println("|---|---|---|");
        System.out.printf("| driver (poll -> decode -> counting SampleSink) | %.0f | %s |%n", t.driverMedian(), rounds(t.driverRounds()));
        System.out.printf("| plain j2mod read loop | %.0f | %s |%n", t.j2modMedian(), rounds(t.j2modRounds()));
        System.out.println();
        System.out.printf("ratio driver / j2mod = %.3f (target >= 0.9: %s)%n%n", t.ratio(), t.ratio() >= 0.9 ? "met" : "NOT met");

        // ten slaves of 12 handler threads: j2mod serves one connection per handler thread
        List<BenchSlave> slaves = new ArrayList<>();
        try {
            int slaveCount = Math.max(1, (devices + 9) / 10);
            for (int i = 0; i < slaveCount; i++) {
                slaves.add(new BenchSlave(12));
            }
            JitterRun.Result j = new JitterRun(slaves, devices, intervalMs, jitterSeconds * 1000).run();
            System.out.println("## (b) Poll jitter and CPU, " + j.devices() + " devices at " + j.intervalMs() + " ms");
            System.out.println();
            System.out.println("| measure | value |");
            System.out.println("|---|---|");
            System.out.printf("| measured | %.1f s, %d batch gaps |%n", j.seconds(), j.jitterMs().count());
            System.out.printf("| jitter p50 | %.3f ms |%n", j.jitterMs().at(50));
            System.out.printf("| jitter p99 | %.3f ms |%n", j.jitterMs().at(99));
            System.out.printf("| jitter max | %.3f ms |%n", j.jitterMs().max());
            System.out.printf("| overruns / errors | %d / %d |%n", j.overruns(), j.errors());
            System.out.printf("| process CPU / wall (driver + in-process j2mod slaves) | %.1f %% of one core (%d cores) |%n",
                    100 * j.processCpuShare(), j.cpus());
            System.out.printf("| poll threads' CPU / wall (driver only) | %.1f %% of one core |%n", 100 * j.pollThreadCpuShare());
        } finally {
            for (BenchSlave s : slaves) {
                s.close();
            }
        }
    }

    private static String rounds(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format("%.0f", v));
        }
        return b.toString();
    }

    private static long arg(String[] args, int index, long dflt) {
        return args.length > index ? Long.parseLong(args[index]) : dflt;
    }
}
