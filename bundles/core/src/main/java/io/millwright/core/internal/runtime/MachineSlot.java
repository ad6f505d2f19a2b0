package io.millwright.core.internal.runtime;

import io.millwright.core.internal.engine.MachineStateEngine;
import io.millwright.core.internal.model.MachineDefinition;
import io.millwright.core.internal.model.SignalBinding;
import java.util.LinkedHashSet;
import java.util.Set;

/** A running machine: its definition and engine. The slot is the engine's lock. */
final class MachineSlot {

    final String pid;
    final MachineDefinition definition;
    final MachineStateEngine engine;
    final Set<String> devices = new LinkedHashSet<>();
    /**
     * Defined at boot before the durable store came: its samples are ignored until the store's
     * checkpoint is restored (the PLC counters are cumulative, so nothing is lost by waiting).
     */
    volatile boolean awaitingStore;

    MachineSlot(String pid, MachineDefinition definition, MachineStateEngine engine) {
        this.pid = pid;
        this.definition = definition;
        this.engine = engine;
        for (SignalBinding binding : definition.bindings().values()) {
            devices.add(binding.deviceId());
        }
    }
}
