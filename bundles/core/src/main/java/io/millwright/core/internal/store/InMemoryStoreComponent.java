package io.millwright.core.internal.store;

import io.millwright.api.store.MachineStore;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;

/**
 * Registers the in-memory store at the lowest ranking, so the core always has a store and a
 * durable one (Derby) takes over as soon as it is installed.
 */
@Component(service = MachineStore.class, property = {
        Constants.SERVICE_RANKING + ":Integer=-1000",
        "millwright.store=memory"})
public class InMemoryStoreComponent extends InMemoryMachineStore {

    /** About a week of per-minute buckets per machine. */
    private static final int CAPACITY = 10_080;

    public InMemoryStoreComponent() {
        super(CAPACITY);
    }
}
