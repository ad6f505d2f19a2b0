package io.millwright.core.internal.runtime;

import io.millwright.core.internal.engine.MachineStateEngine;
import io.millwright.core.internal.model.MachineDefinition;
import io.millwright.core.internal.model.SignalBinding;
import io.millwright.api.sample.Sample;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A running machine: its definition and engine. The slot is the engine's lock. */
final class MachineSlot {

    final String pid;
    final MachineDefinition definition;
    final MachineStateEngine engine;
    final Set<String> devices = new LinkedHashSet<>();
    /**
     * Defined at boot before the durable store came: its samples are not judged until the store's
     * checkpoint is restored; the last one of each signal is kept meanwhile and judged then, since
     * drivers that report by exception (OPC UA, MQTT) send a steady signal only once.
     */
    volatile boolean awaitingStore;
    /** The last sample of each signal while awaiting the store (written under the slot's lock). */
    final Map<SignalBinding, Sample> heldWhileAwaiting = new LinkedHashMap<>();

    MachineSlot(String pid, MachineDefinition definition, MachineStateEngine engine) {
        this.pid = pid;
        this.definition = definition;
        this.engine = engine;
        for (SignalBinding binding : definition.bindings().values()) {
            devices.add(binding.deviceId());
        }
    }
}
