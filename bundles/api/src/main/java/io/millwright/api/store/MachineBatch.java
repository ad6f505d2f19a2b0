package io.millwright.api.store;

import io.millwright.api.machine.MachineEvent;
import java.util.List;

/**
 * Events and checkpoints written together, in one transaction: a checkpoint never runs ahead of
 * the counts it covers, so a restart resumes exactly where the durable events end.
 */
public record MachineBatch(List<MachineEvent> events, List<MachineCheckpoint> checkpoints) {

    public MachineBatch {
        events = List.copyOf(events);
        checkpoints = List.copyOf(checkpoints);
    }

    public boolean isEmpty() {
        return events.isEmpty() && checkpoints.isEmpty();
    }
}
