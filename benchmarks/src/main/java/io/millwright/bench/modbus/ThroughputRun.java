package io.millwright.bench.modbus;

import com.ghgande.j2mod.modbus.io.ModbusTCPTransaction;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.net.TCPMasterConnection;
import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import io.millwright.driver.modbus.internal.config.DeviceConfigParser;
import io.millwright.driver.modbus.internal.poll.ModbusDevice;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers per second read through the driver (one poll = one coalesced request of 125
 * registers, decoded into 125 samples handed to a counting sink) against a plain j2mod loop
 * reading the same 125 registers from the same slave, in alternating rounds.
 */
final class ThroughputRun {

    static final int REGISTERS = 125;

    /** Counts samples and sums their values, so nothing is optimised away. */
    static final class CountingSink implements SampleSink {
        long samples;
        long sum;

        @Override
        public void accept(List<Sample> batch) {
            for (int i = 0, n = batch.size(); i < n; i++) {
                sum += batch.get(i).asLong();
            }
            samples += batch.size();
        }
    }

    record Result(double driverMedian, double j2modMedian, double[] driverRounds, double[] j2modRounds) {
        double ratio() {
            return driverMedian / j2modMedian;
        }
    }

    private final int port;
    private final long roundMillis;
    private final int rounds;
    long checksum;

    ThroughputRun(int port, long roundMillis, int rounds) {
        this.port = port;
        this.roundMillis = roundMillis;
        this.rounds = rounds;
    }

    Result run() throws Exception {
        CountingSink sink = new CountingSink();
        Map<String, Object> config = new HashMap<>();
        config.put("id", "bench");
        config.put("host", "127.0.0.1");
        config.put("port", String.valueOf(port));
        config.put("timeout", "2000");
        for (int i = 0; i < REGISTERS; i++) {
            config.put("tag.r" + i, "holding " + i + " uint16");
        }
        List<SampleSink> sinks = List.of(sink);
        ModbusDevice device = new ModbusDevice(new DeviceConfigParser(Path.of(".")).parse(config), () -> sinks, s -> { });
        if (device.plan().size() != 1) {
            throw new IllegalStateException("expected one request per poll, planned " + device.plan());
        }
        Runnable poll = device.pollCycle();

        TCPMasterConnection connection = new TCPMasterConnection(InetAddress.getLoopbackAddress());
        connection.setPort(port);
        connection.setTimeout(2000);
        connection.connect();
        ModbusTCPTransaction transaction = new ModbusTCPTransaction(connection);
        ReadMultipleRegistersRequest request = new ReadMultipleRegistersRequest(0, REGISTERS);
        request.setUnitID(1);
        transaction.setRequest(request);
        try {
            // warm-up: both paths compiled before the first measured round
            timed(() -> poll.run(), roundMillis);
            timed(() -> plainRead(transaction), roundMillis);
            double[] driver = new double[rounds];
            double[] j2mod = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long samplesBefore = sink.samples;
                double seconds = timed(() -> poll.run(), roundMillis);
                driver[r] = (sink.samples - samplesBefore) / seconds;
                long[] reads = {0};
                seconds = timed(() -> {
                    plainRead(transaction);
                    reads[0]++;
                }, roundMillis);
                j2mod[r] = reads[0] * REGISTERS / seconds;
            }
            if (device.errorCount() > 0) {
                throw new IllegalStateException("the driver saw " + device.errorCount() + " errors: " + device.statusDetail());
            }
            checksum += sink.sum;
            return new Result(median(driver), median(j2mod), driver, j2mod);
        } finally {
            connection.close();
            device.closeLink();
        }
    }

    private void plainRead(ModbusTCPTransaction transaction) {
        try {
            transaction.execute();
        } catch (Exception e) {
            throw new IllegalStateException("plain j2mod read failed", e);
        }
        ReadMultipleRegistersResponse response = (ReadMultipleRegistersResponse) transaction.getResponse();
        long sum = 0;
        for (int i = 0; i < REGISTERS; i++) {
            sum += response.getRegisterValue(i);
        }
        checksum += sum;
    }

    /** Runs the body repeatedly for about the given time; returns the seconds it actually ran. */
    private static double timed(Runnable body, long millis) {
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        long now;
        do {
            body.run();
            now = System.nanoTime();
        } while (now < end);
        return (now - start) / 1e9;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
