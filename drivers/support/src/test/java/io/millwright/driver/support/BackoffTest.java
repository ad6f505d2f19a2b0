package io.millwright.driver.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleWithinTwentyPercentUntilTheCap() {
        Backoff backoff = new Backoff(100, 1000, 7);

        long[] bases = {100, 200, 400, 800, 1000, 1000};
        for (long base : bases) {
            long delay = backoff.nextDelayMs();
            assertThat(delay).isBetween(Math.round(base * 0.8), Math.min(1000, Math.round(base * 1.2)));
        }
    }

    @Test
    void resetStartsAgainFromTheFirstDelay() {
        Backoff backoff = new Backoff(100, 10_000, 7);
        for (int i = 0; i < 5; i++) {
            backoff.nextDelayMs();
        }

        backoff.reset();

        assertThat(backoff.nextDelayMs()).isBetween(80L, 120L);
    }

    @Test
    void aFirstDelayAboveTheCapIsCappedAndNeverBelowOneMillisecond() {
        assertThat(new Backoff(5000, 300, 1).nextDelayMs()).isBetween(240L, 300L);
        assertThat(new Backoff(0, 300, 1).nextDelayMs()).isEqualTo(1L);
    }

    @Test
    void devicesWithOtherSeedsDoNotReconnectInStep() {
        Backoff a = new Backoff(1000, 60_000, 1);
        Backoff b = new Backoff(1000, 60_000, 2);

        assertThat(a.nextDelayMs()).isNotEqualTo(b.nextDelayMs());
    }
}
