package io.millwright.driver.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.quarantine.Quarantine;
import io.millwright.api.quarantine.QuarantinedPayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Payloads are never lost to a missing or failing Quarantine service: memory holds them until it takes them. */
class HoldingQuarantineTest {

    /** The store's quarantine while its database is away: every call throws with the reason. */
    private static final class FlakyQuarantine implements Quarantine {
        final AtomicBoolean down = new AtomicBoolean();
        final TestQuarantine entries = new TestQuarantine();

        private Quarantine up() {
            if (down.get()) {
                throw new IllegalStateException("Derby store at /data/db is not open: disk full");
            }
            return entries;
        }

        @Override
        public long put(String source, String topic, String reason, byte[] payload) {
            return up().put(source, topic, reason, payload);
        }

        @Override
        public List<QuarantinedPayload> list(String source, int max) {
            return up().list(source, max);
        }

        @Override
        public Optional<QuarantinedPayload> get(long id) {
            return up().get(id);
        }

        @Override
        public boolean remove(long id) {
            return up().remove(id);
        }

        @Override
        public long count(String source) {
            return up().count(source);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void withoutAServiceMemoryHoldsAndTheServiceGetsThemOldestFirstOnceBound() {
        AtomicReference<Quarantine> bound = new AtomicReference<>();
        HoldingQuarantine q = new HoldingQuarantine(bound::get, 10);
        q.put("mqtt:a", "t/1", "bad 1", bytes("one"));
        q.put("mqtt:a", "t/2", "bad 2", bytes("two"));
        assertThat(q.heldBecause()).isEqualTo("no Quarantine service is bound");
        assertThat(q.count("mqtt:a")).isEqualTo(2);

        TestQuarantine service = new TestQuarantine();
        bound.set(service);
        assertThat(q.heldBecause()).isNull();
        assertThat(service.list("mqtt:a", 10)).extracting(QuarantinedPayload::topic).containsExactly("t/2", "t/1");
        assertThat(q.list("mqtt:a", 10)).extracting(QuarantinedPayload::reason).containsExactly("bad 2", "bad 1");
    }

    @Test
    void aRefusingServiceNeitherLosesPayloadsNorThrowsAndTakesThemWhenItIsBack() {
        FlakyQuarantine service = new FlakyQuarantine();
        HoldingQuarantine q = new HoldingQuarantine(() -> service, 10);
        q.put("mqtt:a", "t/1", "bad 1", bytes("one"));
        service.down.set(true);
        long held = q.put("mqtt:a", "t/2", "bad 2", bytes("two"));
        q.put("mqtt:a", "t/3", "bad 3", bytes("three"));

        assertThat(q.heldBecause()).contains("refused").contains("disk full");
        assertThat(q.get(held)).map(QuarantinedPayload::topic).contains("t/2");
        assertThat(q.count("mqtt:a")).isEqualTo(2);

        service.down.set(false);
        assertThat(q.count("mqtt:a")).isEqualTo(3);
        assertThat(q.heldBecause()).isNull();
        assertThat(service.entries.list("mqtt:a", 10)).extracting(QuarantinedPayload::topic).containsExactly("t/3", "t/2", "t/1");
    }

    @Test
    void memoryIsBoundedAndCountsWhatItDropped() {
        HoldingQuarantine q = new HoldingQuarantine(() -> null, 2);
        for (int i = 1; i <= 5; i++) {
            q.put("mqtt:a", "t/" + i, "bad", bytes("x"));
        }
        assertThat(q.list(null, 10)).extracting(QuarantinedPayload::topic).containsExactly("t/5", "t/4");
        assertThat(q.dropped()).isEqualTo(3);
    }
}
