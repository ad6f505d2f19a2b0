package io.millwright.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.quarantine.QuarantinedPayload;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class InMemoryQuarantineTest {

    @Test
    void keepsTheNewestPayloadsAndCountsWhatWasPushedOut() {
        InMemoryQuarantine quarantine = new InMemoryQuarantine(3, Clock.systemUTC());
        byte[] payload = {1, 2, 3};
        long first = quarantine.put("mqtt:a", "t/1", "bad json", payload);
        payload[0] = 9;
        quarantine.put("mqtt:b", "t/2", "bad type", new byte[] {2});
        long third = quarantine.put("mqtt:a", "t/3", "bad json", new byte[] {3});

        assertThat(quarantine.get(first).orElseThrow().payload()).containsExactly(1, 2, 3);
        assertThat(quarantine.list("mqtt:a", 10)).extracting(QuarantinedPayload::id).containsExactly(third, first);
        assertThat(quarantine.count(null)).isEqualTo(3);

        long fourth = quarantine.put("mqtt:a", "t/4", "bad json", new byte[] {4});
        assertThat(quarantine.get(first)).isEmpty();
        assertThat(quarantine.dropped()).isEqualTo(1);
        assertThat(quarantine.list(null, 2)).extracting(QuarantinedPayload::id).containsExactly(fourth, third);
        assertThat(quarantine.remove(third)).isTrue();
        assertThat(quarantine.count("mqtt:a")).isEqualTo(1);
    }
}
