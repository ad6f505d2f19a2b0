package io.millwright.core.internal.runtime;

import io.millwright.api.machine.MachineState;
import io.millwright.api.sample.Sample;
import io.millwright.core.internal.model.MachineDefinition;
import io.millwright.core.internal.model.SignalKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A machine's live state at one moment, copied out of its engine for display. */
public record MachineSnapshot(MachineDefinition definition, MachineState state, Instant since, String product,
                              Duration idealCycleTime, double speed, long faultCode, String openDowntimeId,
                              Map<SignalKind, Sample> lastSamples, long counterResets, long counterRollovers) {
}
