package io.millwright.store.derby.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeArgumentTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void instantsAndDurationsBackFromNowAreRead() {
        assertThat(TimeArgument.parse("--from", "2026-11-24T06:00:00Z", NOW)).isEqualTo(Instant.parse("2026-11-24T06:00:00Z"));
        assertThat(TimeArgument.parse("--from", "1h", NOW)).isEqualTo(Instant.parse("2026-11-24T11:00:00Z"));
        assertThat(TimeArgument.parse("--from", "15m", NOW)).isEqualTo(Instant.parse("2026-11-24T11:45:00Z"));
        assertThat(TimeArgument.parse("--from", "2d", NOW)).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
        assertThat(TimeArgument.parse("--from", "90s", NOW)).isEqualTo(Instant.parse("2026-11-24T11:58:30Z"));
        assertThat(TimeArgument.parse("--from", "PT1H30M", NOW)).isEqualTo(Instant.parse("2026-11-24T10:30:00Z"));
    }

    @Test
    void anythingElseNamesTheOption() {
        assertThatThrownBy(() -> TimeArgument.parse("--to", "yesterday", NOW))
                .hasMessageStartingWith("--to 'yesterday' is neither an ISO instant");
    }
}
