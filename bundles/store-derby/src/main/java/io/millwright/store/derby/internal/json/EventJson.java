package io.millwright.store.derby.internal.json;

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
import java.util.Map;

/**
 * The outbox payload: each of the seven machine events as one flat JSON object with a {@code type}
 * member (the record's name), its {@code topic} and {@code eventKey}, times as ISO-8601 instants,
 * durations as ISO-8601 durations and states by name, so that a far side reads it without
 * Millwright's classes.
 */
public final class EventJson {

    private EventJson() {
    }

    public static String toJson(MachineEvent event) {
        JsonObjectWriter json = new JsonObjectWriter()
                .string("type", event.getClass().getSimpleName())
                .string("topic", event.topic())
                .string("eventKey", event.eventKey())
                .string("machineId", event.machineId())
                .instant("time", event.time());
        if (event instanceof StateChanged e) {
            json.string("previous", name(e.previous())).string("current", e.current().name());
        } else if (event instanceof CountRecorded e) {
            json.number("total", e.total()).number("rejects", e.rejects()).string("product", e.product())
                    .string("idealCycleTime", e.idealCycleTime().toString());
        } else if (event instanceof DowntimeStarted e) {
            json.string("downtimeId", e.downtimeId()).string("state", e.state().name())
                    .string("reasonCode", e.reasonCode());
        } else if (event instanceof DowntimeEnded e) {
            json.string("downtimeId", e.downtimeId()).string("state", e.state().name())
                    .string("reasonCode", e.reasonCode()).string("duration", e.duration().toString())
                    .bool("minorStop", e.minorStop());
        } else if (event instanceof ReasonSet e) {
            json.string("downtimeId", e.downtimeId()).string("previousReasonCode", e.previousReasonCode())
                    .string("reasonCode", e.reasonCode()).string("setBy", e.setBy());
        } else if (event instanceof DowntimeSplit e) {
            json.string("downtimeId", e.downtimeId()).instant("at", e.at())
                    .string("newDowntimeId", e.newDowntimeId()).string("splitBy", e.splitBy());
        } else if (event instanceof ProductChanged e) {
            json.string("previousProduct", e.previousProduct()).string("product", e.product())
                    .string("idealCycleTime", e.idealCycleTime().toString());
        }
        // an event type added to the API later leaves with its common members until it has its own form
        return json.end();
    }

    public static MachineEvent fromJson(String json) {
        Members m = new Members(JsonObjectReader.parse(json));
        String type = m.required("type");
        String machine = m.required("machineId");
        Instant time = m.instant("time");
        return switch (type) {
            case "StateChanged" -> new StateChanged(machine, time, m.state("previous"), m.requiredState("current"));
            case "CountRecorded" -> new CountRecorded(machine, time, m.number("total"), m.number("rejects"),
                    m.required("product"), m.duration("idealCycleTime"));
            case "DowntimeStarted" -> new DowntimeStarted(machine, time, m.required("downtimeId"),
                    m.requiredState("state"), m.optional("reasonCode"));
            case "DowntimeEnded" -> new DowntimeEnded(machine, time, m.required("downtimeId"),
                    m.requiredState("state"), m.optional("reasonCode"), m.duration("duration"), m.bool("minorStop"));
            case "ReasonSet" -> new ReasonSet(machine, time, m.required("downtimeId"),
                    m.optional("previousReasonCode"), m.required("reasonCode"), m.required("setBy"));
            case "DowntimeSplit" -> new DowntimeSplit(machine, time, m.required("downtimeId"), m.instant("at"),
                    m.required("newDowntimeId"), m.required("splitBy"));
            case "ProductChanged" -> new ProductChanged(machine, time, m.optional("previousProduct"),
                    m.required("product"), m.duration("idealCycleTime"));
            default -> throw new IllegalArgumentException("unknown event type \"" + type + "\" in " + json);
        };
    }

    /** The members every payload has, as the outbox hands them out beside the payload. */
    public record Envelope(String eventKey, String topic, String machineId, Instant time) {
    }

    /** Reads the common members of a payload without building the event. */
    public static Envelope envelope(String json) {
        Members m = new Members(JsonObjectReader.parse(json));
        return new Envelope(m.required("eventKey"), m.required("topic"), m.required("machineId"), m.instant("time"));
    }

    private static String name(MachineState state) {
        return state == null ? null : state.name();
    }

    /** Typed access to the parsed members, with errors that name the member. */
    private record Members(Map<String, Object> values) {

        String optional(String name) {
            Object value = values.get(name);
            if (value != null && !(value instanceof String)) {
                throw new IllegalArgumentException("event JSON member \"" + name + "\" is not a string: " + value);
            }
            return (String) value;
        }

        String required(String name) {
            String value = optional(name);
            if (value == null) {
                throw new IllegalArgumentException("event JSON lacks member \"" + name + "\"");
            }
            return value;
        }

        long number(String name) {
            if (!(values.get(name) instanceof Long value)) {
                throw new IllegalArgumentException("event JSON member \"" + name + "\" is not an integer");
            }
            return value;
        }

        boolean bool(String name) {
            if (!(values.get(name) instanceof Boolean value)) {
                throw new IllegalArgumentException("event JSON member \"" + name + "\" is not true or false");
            }
            return value;
        }

        Instant instant(String name) {
            return Instant.parse(required(name));
        }

        Duration duration(String name) {
            return Duration.parse(required(name));
        }

        MachineState state(String name) {
            String value = optional(name);
            return value == null ? null : MachineState.valueOf(value);
        }

        MachineState requiredState(String name) {
            return MachineState.valueOf(required(name));
        }
    }
}
