package io.millwright.core.internal.engine;

import io.millwright.api.machine.MachineEvent;
import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.core.internal.model.ConfigRefusedException;
import io.millwright.core.internal.model.MachineDefinition;
import io.millwright.core.internal.model.MachineDefinitionParser;
import io.millwright.core.internal.model.SignalKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Drives one engine the way the runtime does, with a clock the test controls. */
final class EngineFixture {

    static final long T0 = 1_795_500_000_000L; // a whole minute

    final MachineDefinition definition;
    final MachineStateEngine engine;
    long now = T0;

    EngineFixture(Map<String, String> extra, PlannedStops calendar) throws ConfigRefusedException {
        Map<String, Object> props = new HashMap<>();
        props.put("id", "press01");
        props.put("running", "plc1/running");
        props.put("faultCode", "plc1/fault");
        props.put("totalCount", "plc1/total");
        props.put("rejectCount", "plc1/rejects");
        props.put("idealCycleTime", "1.0");
        props.put("microStopThreshold", "60");
        props.put("stalenessTimeout", "30");
        props.put("faultReasons", "17=MECH.JAM;23=ELEC.MOTOR");
        props.putAll(extra);
        props.values().removeIf(v -> v.equals(""));
        definition = MachineDefinitionParser.parse(props);
        engine = new MachineStateEngine(definition, calendar, T0);
    }

    EngineFixture() throws ConfigRefusedException {
        this(Map.of(), PlannedStops.NEVER);
    }

    /** Advances the clock by {@code millis} and sends one good sample stamped now. */
    EngineFixture at(long millis) {
        now += millis;
        return this;
    }

    EngineFixture send(SignalKind kind, long value) {
        engine.onSample(definition.binding(kind).orElseThrow(),
                Sample.ofLong("plc1", definition.binding(kind).get().tag(), value, Quality.GOOD, null, now, now));
        return this;
    }

    EngineFixture running(boolean value) {
        engine.onSample(definition.binding(SignalKind.RUNNING).orElseThrow(),
                Sample.ofBoolean("plc1", "running", value, Quality.GOOD, null, now, now));
        return this;
    }

    EngineFixture bad(SignalKind kind) {
        engine.onSample(definition.binding(kind).orElseThrow(),
                Sample.bad("plc1", definition.binding(kind).get().tag(), "timeout", now, now));
        return this;
    }

    EngineFixture tick() {
        engine.tick(now);
        return this;
    }

    List<MachineEvent> drain() {
        List<MachineEvent> events = new ArrayList<>();
        engine.drainTo(events);
        return events;
    }

    @SuppressWarnings("unchecked")
    <T extends MachineEvent> List<T> drain(Class<T> type) {
        List<T> events = new ArrayList<>();
        for (MachineEvent event : drain()) {
            if (type.isInstance(event)) {
                events.add((T) event);
            }
        }
        return events;
    }
}
