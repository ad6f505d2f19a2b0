package io.millwright.store.derby.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

    @Test
    void writesWhatInstantToStringWrites() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            long millis = random.nextLong() % 4_000_000_000_000L;
            if (i % 3 == 0) {
                millis = millis / 1000 * 1000;
            }
            check(Instant.ofEpochMilli(millis));
        }
        check(Instant.EPOCH);
        check(Instant.parse("2026-11-24T23:59:59.999Z"));
        check(Instant.parse("2024-02-29T12:00:00.010Z"));
        check(Instant.ofEpochSecond(1, 123_456_789));
        check(Instant.parse("+12026-01-01T00:00:00Z"));
    }

    private static void check(Instant instant) {
        StringBuilder out = new StringBuilder();
        IsoInstant.append(out, instant);
        assertThat(out.toString()).isEqualTo(instant.toString());
    }
}
