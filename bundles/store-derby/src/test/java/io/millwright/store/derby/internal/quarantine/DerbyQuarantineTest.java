package io.millwright.store.derby.internal.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.quarantine.QuarantinedPayload;
import io.millwright.store.derby.internal.DerbyDatabase;
import io.millwright.store.derby.internal.TestDerby;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerbyQuarantineTest {

    @TempDir
    Path dir;

    @AfterEach
    void shutdown() {
        TestDerby.shutdown(dir.resolve("db"));
    }

    @Test
    void keepsPayloadsWithSourceTopicReasonAndBytesUntilRemoved() {
        DerbyDatabase database = TestDerby.open(dir.resolve("db"));
        Instant now = Instant.parse("2026-11-24T05:00:00Z");
        DerbyQuarantine quarantine = new DerbyQuarantine(() -> database, 100, Clock.fixed(now, ZoneOffset.UTC));
        byte[] garbage = {0x08, (byte) 0xFF, (byte) 0xFF, 0x00, 0x7B};
        long first = quarantine.put("mqtt:plant", "spBv1.0/L1/DDATA/edge1/press01", "protobuf: truncated varint at 1",
                garbage);
        long second = quarantine.put("mqtt:plant", "plant/press02/count", "$.value: \"12a\" is not a number",
                "{\"value\":\"12a\"}".getBytes(StandardCharsets.UTF_8));
        quarantine.put("mqtt:other", "x", "bad", new byte[0]);

        assertThat(quarantine.count(null)).isEqualTo(3);
        assertThat(quarantine.count("mqtt:plant")).isEqualTo(2);
        assertThat(quarantine.list("mqtt:plant", 10)).extracting(QuarantinedPayload::id).containsExactly(second, first);
        QuarantinedPayload kept = quarantine.get(first).orElseThrow();
        assertThat(kept.payload()).isEqualTo(garbage);
        assertThat(kept.topic()).isEqualTo("spBv1.0/L1/DDATA/edge1/press01");
        assertThat(kept.reason()).isEqualTo("protobuf: truncated varint at 1");
        assertThat(kept.at()).isEqualTo(now);
        assertThat(kept.source()).isEqualTo("mqtt:plant");

        assertThat(quarantine.remove(first)).isTrue();
        assertThat(quarantine.remove(first)).isFalse();
        assertThat(quarantine.get(first)).isEmpty();
        assertThat(quarantine.count("mqtt:plant")).isEqualTo(1);
    }

    @Test
    void aSourceSendingOnlyGarbageIsBoundedOldestFirst() {
        DerbyDatabase database = TestDerby.open(dir.resolve("db"));
        DerbyQuarantine quarantine = new DerbyQuarantine(() -> database, 5, Clock.systemUTC());
        long last = 0;
        for (int i = 0; i < 23; i++) {
            last = quarantine.put("mqtt:flood", "t", "bad " + i, new byte[] {(byte) i});
        }
        quarantine.put("mqtt:quiet", "t", "bad", new byte[] {1});

        assertThat(quarantine.count("mqtt:flood")).isLessThanOrEqualTo(5 + 4);
        assertThat(quarantine.list("mqtt:flood", 1)).extracting(QuarantinedPayload::id).containsExactly(last);
        assertThat(quarantine.count("mqtt:quiet")).isEqualTo(1);
        assertThat(quarantine.trimmed()).isEqualTo(23 - quarantine.count("mqtt:flood"));
    }
}
