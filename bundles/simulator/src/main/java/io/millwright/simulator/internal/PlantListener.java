package io.millwright.simulator.internal;

/**
 * Told when a simulated machine joins or leaves the plant: how a protocol face that serves every
 * machine (the OPC UA server) learns which machines there are. Called under the plant's lock, so
 * calls for one machine never overtake each other; keep them short.
 */
public interface PlantListener {

    void machineAdded(SimulatedMachine machine);

    void machineRemoved(SimulatedMachine machine);
}
