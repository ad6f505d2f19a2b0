package io.millwright.bench.modbus;

import com.sun.management.OperatingSystemMXBean;
import io.millwright.api.device.DeviceStatus;
import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import io.millwright.driver.modbus.internal.config.DeviceConfigParser;
import io.millwright.driver.modbus.internal.poll.ModbusDevice;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Many devices polled at once: for each device, the gap between consecutive batches compared with
 * the poll interval (the jitter), and the CPU the process and the poll threads used.
 */
final class JitterRun {

    record Result(int devices, long intervalMs, double seconds, Percentiles jitterMs, long overruns, long errors,
                  double processCpuShare, double pollThreadCpuShare, int cpus) {
    }

    /** Records when each batch of one device arrived (nanoTime), into a preallocated array. */
    static final class ArrivalSink implements SampleSink {
        final long[] arrivals;
        int count;

        ArrivalSink(int capacity) {
            arrivals = new long[capacity];
        }

        @Override
        public void accept(List<Sample> batch) {
            if (count < arrivals.length) {
                arrivals[count++] = System.nanoTime();
            }
        }
    }

    private final List<BenchSlave> slaves;
    private final int devices;
    private final long intervalMs;
    private final long millis;

    JitterRun(List<BenchSlave> slaves, int devices, long intervalMs, long millis) {
        this.slaves = slaves;
        this.devices = devices;
        this.intervalMs = intervalMs;
        this.millis = millis;
    }

    Result run() throws Exception {
        List<ModbusDevice> running = new ArrayList<>();
        List<ArrivalSink> sinks = new ArrayList<>();
        int capacity = (int) (millis / intervalMs) + 100;
        for (int d = 0; d < devices; d++) {
            Map<String, Object> config = new HashMap<>();
            config.put("id", "bench" + d);
            config.put("host", "127.0.0.1");
            config.put("port", String.valueOf(slaves.get(d % slaves.size()).port));
            config.put("pollInterval", String.valueOf(intervalMs));
            // a typical machine: 20 tags in two requests
            for (int t = 0; t < 10; t++) {
                config.put("tag.c" + t, "holding " + (t * 2) + " uint32");
                config.put("tag.s" + t, "holding " + (500 + t) + " int16");
            }
            ArrivalSink sink = new ArrivalSink(capacity);
            List<SampleSink> list = List.of(sink);
            ModbusDevice device = new ModbusDevice(new DeviceConfigParser(Path.of(".")).parse(config), () -> list, s -> { });
            sinks.add(sink);
            running.add(device);
        }
        for (ModbusDevice d : running) {
            d.start();
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        for (ModbusDevice d : running) {
            while (d.status() != DeviceStatus.ONLINE) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(d.id() + " did not come ONLINE: " + d.statusDetail());
                }
                Thread.sleep(10);
            }
        }
        // measure from here: connects and class loading are behind us
        int[] from = new int[devices];
        for (int d = 0; d < devices; d++) {
            from[d] = sinks.get(d).count;
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long overrunsBefore = running.stream().mapToLong(ModbusDevice::overruns).sum();
        long errorsBefore = running.stream().mapToLong(ModbusDevice::errorCount).sum();
        long cpu0 = os.getProcessCpuTime();
        long poll0 = pollThreadCpu(threads);
        long wall0 = System.nanoTime();
        Thread.sleep(millis);
        long wall = System.nanoTime() - wall0;
        long cpu = os.getProcessCpuTime() - cpu0;
        long pollCpu = pollThreadCpu(threads) - poll0;
        int[] to = new int[devices];
        for (int d = 0; d < devices; d++) {
            to[d] = sinks.get(d).count;
        }
        long overruns = running.stream().mapToLong(ModbusDevice::overruns).sum() - overrunsBefore;
        long errors = running.stream().mapToLong(ModbusDevice::errorCount).sum() - errorsBefore;
        for (ModbusDevice d : running) {
            d.stop();
        }
        List<Double> gaps = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            long[] a = sinks.get(d).arrivals;
            for (int i = from[d] + 1; i < to[d]; i++) {
                gaps.add(Math.abs((a[i] - a[i - 1]) / 1e6 - intervalMs));
            }
        }
        double[] jitter = gaps.stream().mapToDouble(Double::doubleValue).toArray();
        return new Result(devices, intervalMs, wall / 1e9, new Percentiles(jitter), overruns, errors,
                (double) cpu / wall, (double) pollCpu / wall, Runtime.getRuntime().availableProcessors());
    }

    private static long pollThreadCpu(ThreadMXBean threads) {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("millwright-modbus-")) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                total += Math.max(0, t);
            }
        }
        return total;
    }
}
