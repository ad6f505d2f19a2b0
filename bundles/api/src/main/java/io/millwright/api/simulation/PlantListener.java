package io.millwright.api.simulation;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Follows the machines of a {@link SimulatedPlant}. For one machine the calls come in order and
 * never overtake each other: {@code machineAdded}, any number of {@code machineChanged}, then
 * {@code machineRemoved}; a machine replaced under the same id (its file edited) is removed and
 * added again. Calls for different machines may come at the same time from different threads.
 *
 * <p>Every call is made while the plant holds locks, so keep it short, never block, and never
 * call back into the {@link SimulatedPlant} from it.
 */
@ConsumerType
public interface PlantListener {

    /**
     * A machine to follow, with its values now: on the thread that added the machine (its
     * configuration) or that called {@link SimulatedPlant#addListener}.
     */
    void machineAdded(String machineId, MachineSnapshot now);

    /**
     * The machine's values after a tick of its model or a command: on the machine's own ticker
     * thread ({@code millwright-sim-<id>}) every {@code tickMs}, or on the thread of the command.
     * Called even when nothing changed, so it must be cheap.
     */
    void machineChanged(String machineId, MachineSnapshot snapshot);

    /** The machine is gone: no call for it follows, until it is added again. */
    void machineRemoved(String machineId);
}
