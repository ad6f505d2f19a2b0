package io.millwright.bench.opcua;

import io.millwright.api.device.DeviceStatus;
import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import io.millwright.driver.opcua.internal.client.OpcUaDevice;
import io.millwright.driver.opcua.internal.config.DeviceConfigParser;
import io.millwright.driver.opcua.internal.config.DeviceSettings;
import io.millwright.driver.opcua.internal.pki.Pki;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The driver: one {@link OpcUaDevice} with a tag per variable ({@code ns=2;s=V<i> double}),
 * publishingInterval = the update interval (so also the sampling interval), maxItemsPerSubscription
 * left at its default, delivering into a counting {@link SampleSink}.
 */
final class DriverSubscriber implements Subscriber {

    /** Counts samples and sums their values. */
    static final class CountingSink implements SampleSink {
        final AtomicLong samples = new AtomicLong();
        final DoubleAdder sum = new DoubleAdder();

        @Override
        public void accept(List<Sample> batch) {
            double s = 0;
            for (int i = 0, n = batch.size(); i < n; i++) {
                Sample x = batch.get(i);
                if (x.isGood()) {
                    s += x.asDouble();
                }
            }
            sum.add(s);
            samples.addAndGet(batch.size());
        }
    }

    private final String id;
    private final OpcUaDevice device;
    private final CountingSink sink = new CountingSink();

    DriverSubscriber(String url, int variables, long publishingMs, Path etc, int round) throws Exception {
        id = "bench" + round;
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("endpointUrl", url);
        p.put("publishingInterval", String.valueOf(publishingMs));
        for (int i = 0; i < variables; i++) {
            p.put("tag.v" + i, "ns=2;s=V" + i + " double");
        }
        DeviceSettings settings = new DeviceConfigParser(etc, etc.resolve("pki")).parse(p);
        List<SampleSink> sinks = List.of(sink);
        device = new OpcUaDevice(settings, new Pki(settings.pkiDir()), () -> sinks, s -> { });
    }

    @Override
    public String name() {
        return "driver";
    }

    @Override
    public String threadPrefix() {
        return "millwright-opcua-" + id;
    }

    @Override
    public void start() throws Exception {
        device.start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (device.status() != DeviceStatus.ONLINE) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the device did not come ONLINE: " + device.status() + " " + device.statusDetail());
            }
            Thread.sleep(20);
        }
    }

    int subscriptions() {
        return device.subscriptionCount();
    }

    @Override
    public long notifications() {
        return sink.samples.get();
    }

    @Override
    public double checksum() {
        return sink.sum.sum();
    }

    @Override
    public void close() {
        device.stop();
    }
}
