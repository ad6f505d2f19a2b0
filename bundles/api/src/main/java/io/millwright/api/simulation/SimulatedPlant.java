package io.millwright.api.simulation;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The simulated machines of this framework, as protocol faces follow them: a face adds a
 * {@link PlantListener} and serves what it is told. Provided by the simulator bundle, one
 * service per framework.
 */
@ProviderType
public interface SimulatedPlant {

    /**
     * Tells {@code listener} about every machine there is now ({@link PlantListener#machineAdded}),
     * then about each change, each machine added and each removed, until {@link #removeListener}.
     * A listener already added is not added twice.
     */
    void addListener(PlantListener listener);

    /**
     * Stops telling {@code listener}: once this returns, no call to it is under way or to come.
     * It is not told that the machines went; nothing happens if it was not added.
     */
    void removeListener(PlantListener listener);
}
