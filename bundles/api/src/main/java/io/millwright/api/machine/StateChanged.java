package io.millwright.api.machine;

import java.time.Instant;
import java.util.Objects;

/** A machine went from one state to another. */
public record StateChanged(String machineId, Instant time, MachineState previous, MachineState current)
        implements MachineEvent {

    public static final String TOPIC = TOPIC_PREFIX + "state";

    public StateChanged {
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(current, "current");
        if (current == previous) {
            throw new IllegalArgumentException("machine " + machineId + " state did not change: " + current);
        }
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    /** Includes both states: a machine can pass through two states within one millisecond. */
    @Override
    public String eventKey() {
        return machineId + ":state:" + time.toEpochMilli() + ":" + previous + ">" + current;
    }
}
