package io.millwright.store.derby.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.DowntimeEnded;
import io.millwright.api.machine.DowntimeSplit;
import io.millwright.api.machine.DowntimeStarted;
import io.millwright.api.machine.MachineEvent;
import io.millwright.api.machine.MachineState;
import io.millwright.api.machine.ProductChanged;
import io.millwright.api.machine.ReasonSet;
import io.millwright.api.machine.StateChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final Instant T = Instant.parse("2026-11-24T06:00:00.123456789Z");

    static Stream<MachineEvent> events() {
        return Stream.of(
                new StateChanged("press-01", T, MachineState.RUNNING, MachineState.DOWN),
                new StateChanged("press-01", T, null, MachineState.OFFLINE),
                new CountRecorded("press-01", T, 120, 3, "P-100", Duration.ofMillis(850)),
                new CountRecorded("press-01", T, 0, 0, "", Duration.ofNanos(1)),
                new DowntimeStarted("press-01", T, "press-01-1", MachineState.DOWN, "MECH.JAM"),
                new DowntimeStarted("press-01", T, "press-01-1", MachineState.IDLE, null),
                new DowntimeEnded("press-01", T, "press-01-1", MachineState.DOWN, null, Duration.ofSeconds(3), true),
                new DowntimeEnded("press-01", T, "press-01-1", MachineState.IDLE, "WAIT", Duration.ZERO, false),
                new ReasonSet("press-01", T, "press-01-1", null, "ELEC.MOTOR", "anna"),
                new ReasonSet("press-01", T, "press-01-1", "MECH.JAM", "ELEC.MOTOR", "rule:fault-code"),
                new DowntimeSplit("press-01", T, "press-01-1", T.minusSeconds(60), "press-01-1.x", "anna"),
                new ProductChanged("press-01", T, "", "P-100", Duration.ofMillis(1250)),
                new ProductChanged("press-01", T, null, "", Duration.ZERO),
                // everything JSON must escape, in the strings a person types
                new ReasonSet("press \"7\"", T, "d\\1", "line1\nline2\ttab", "ünï\u2028\u0001", "o'brien/€"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventRoundTrips(MachineEvent event) {
        String json = EventJson.toJson(event);
        assertThat(json).doesNotContain("\n");
        assertThat(EventJson.fromJson(json)).isEqualTo(event);
        assertThat(EventJson.envelope(json)).isEqualTo(
                new EventJson.Envelope(event.eventKey(), event.topic(), event.machineId(), event.time()));
    }

    @Test
    void theFormIsPlainJsonAFarSideCanRead() {
        String json = EventJson.toJson(new CountRecorded("press-01", Instant.parse("2026-11-24T06:00:00Z"), 120, 3,
                "P-100", Duration.ofMillis(850)));
        assertThat(json).isEqualTo("{\"type\":\"CountRecorded\",\"topic\":\"millwright/machine/count\","
                + "\"eventKey\":\"press-01:count:1795500000000:P-100\",\"machineId\":\"press-01\","
                + "\"time\":\"2026-11-24T06:00:00Z\",\"total\":120,\"rejects\":3,\"product\":\"P-100\","
                + "\"idealCycleTime\":\"PT0.85S\"}");
    }

    @Test
    void whitespaceAndMemberOrderDoNotMatter() {
        String json = " { \"machineId\" : \"m1\" ,\n \"current\":\"IDLE\", \"previous\": null,"
                + " \"time\":\"2026-11-24T06:00:00Z\", \"type\":\"StateChanged\" } ";
        assertThat(EventJson.fromJson(json)).isEqualTo(
                new StateChanged("m1", Instant.parse("2026-11-24T06:00:00Z"), null, MachineState.IDLE));
    }

    @Test
    void malformedJsonIsRefusedWithWhere() {
        for (String bad : List.of("", "{", "{\"type\":\"StateChanged\"", "{\"a\":1.5}", "{\"a\":[1]}",
                "{\"a\":\"x\" \"b\":1}", "{\"a\":1,\"a\":2}", "{\"a\":\"\\q\"}", "{} x")) {
            assertThatThrownBy(() -> EventJson.fromJson(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed event JSON at");
        }
    }

    @Test
    void missingOrUnknownMembersAreNamed() {
        assertThatThrownBy(() -> EventJson.fromJson("{\"type\":\"Nope\",\"machineId\":\"m\",\"time\":\"2026-11-24T06:00:00Z\"}"))
                .hasMessageContaining("unknown event type \"Nope\"");
        assertThatThrownBy(() -> EventJson.fromJson("{\"type\":\"CountRecorded\",\"machineId\":\"m\","
                + "\"time\":\"2026-11-24T06:00:00Z\",\"total\":\"1\"}"))
                .hasMessageContaining("\"total\" is not an integer");
    }
}
