package io.millwright.bench.mqtt;

import io.millwright.api.quarantine.Quarantine;
import io.millwright.api.quarantine.QuarantinedPayload;
import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import io.millwright.driver.mqtt.internal.MqttConnection;
import io.millwright.driver.mqtt.internal.config.ConnectionConfigParser;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The driver: an MqttConnection started in-process from a configuration map as the driver's own
 * tests do (MqttConnectionTest), one JSON device mapping three tags and the timestamp, delivering
 * into a counting SampleSink.
 */
final class DriverReceiver implements Receiver {

    private final String uri;
    private final String topic;
    private final int qos;
    private final int round;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();
    private double checksum;
    private MqttConnection connection;

    DriverReceiver(String uri, String topic, int qos, int round) {
        this.uri = uri;
        this.topic = topic;
        this.qos = qos;
        this.round = round;
    }

    @Override
    public String name() {
        return "driver";
    }

    @Override
    public String clientId() {
        return "bench-driver-" + round;
    }

    @Override
    public void start() throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("id", "bench" + round);
        p.put("uri", uri);
        p.put("clientId", clientId());
        p.put("cleanSession", "true");
        p.put("reconnectMaxDelay", "500");
        p.put("device.press01.format", "json");
        p.put("device.press01.topic", topic);
        p.put("device.press01.qos", String.valueOf(qos));
        p.put("device.press01.timestamp", "/ts");
        p.put("device.press01.tag.running", "/running boolean");
        p.put("device.press01.tag.totalCount", "/totalCount long");
        p.put("device.press01.tag.speed", "/speed double");
        SampleSink sink = this::accept;
        connection = new MqttConnection(new ConnectionConfigParser(Path.of(".")).parse(p), () -> List.of(sink),
                CountingQuarantine::new);
        connection.start();
        long deadline = System.currentTimeMillis() + 15_000;
        while (!connection.connected()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the driver did not connect to " + uri);
            }
            Thread.sleep(10);
        }
    }

    private void accept(List<Sample> batch) {
        double c = 0;
        for (Sample s : batch) {
            c += s.sourceTime() & 1;
        }
        checksum += c;
        samples.addAndGet(batch.size());
        batches.incrementAndGet();
    }

    long quarantined() {
        return connection == null ? 0 : connection.quarantinedCount();
    }

    @Override
    public long messages() {
        return batches.get();
    }

    @Override
    public long values() {
        return samples.get();
    }

    @Override
    public double checksum() {
        return checksum;
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.stop();
        }
    }

    /** Nothing should be quarantined; counted in case. */
    private final class CountingQuarantine implements Quarantine {
        @Override
        public long put(String source, String t, String reason, byte[] payload) {
            return quarantined.incrementAndGet();
        }

        @Override
        public List<QuarantinedPayload> list(String source, int max) {
            return List.of();
        }

        @Override
        public Optional<QuarantinedPayload> get(long id) {
            return Optional.empty();
        }

        @Override
        public boolean remove(long id) {
            return false;
        }

        @Override
        public long count(String source) {
            return quarantined.get();
        }
    }
}
