package io.millwright.simulator.internal;

import io.millwright.api.simulation.MachineSnapshot;
import io.millwright.api.simulation.PlantListener;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One machine's snapshots on their way to one protocol face's {@link PlantListener}: the first
 * (handed over as the feed is added to the machine) as {@code machineAdded}, the rest as
 * {@code machineChanged}. The machine calls it under its lock, so the calls stay in order. A face
 * that throws is logged once and kept: its failure must not stop the machine's ticker or the
 * other faces.
 */
final class MachineFeed implements Consumer<MachineSnapshot> {

    private static final Logger LOG = LoggerFactory.getLogger(MachineFeed.class);

    private final PlantListener listener;
    private final String machineId;
    // guarded by the machine's lock, under which every accept runs
    private boolean added;
    private boolean failing;

    MachineFeed(PlantListener listener, String machineId) {
        this.listener = listener;
        this.machineId = machineId;
    }

    @Override
    public void accept(MachineSnapshot snapshot) {
        try {
            if (added) {
                listener.machineChanged(machineId, snapshot);
            } else {
                added = true;
                listener.machineAdded(machineId, snapshot);
            }
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.error("simulator {}: plant listener {} failed", machineId, listener, e);
                failing = true;
            }
        }
    }

    /** Tells the listener the machine is gone; called once the feed is off the machine, so nothing overtakes it. */
    void removed() {
        try {
            listener.machineRemoved(machineId);
        } catch (RuntimeException e) {
            LOG.error("simulator {}: plant listener {} failed on removal", machineId, listener, e);
        }
    }
}
