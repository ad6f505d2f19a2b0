package io.millwright.core.internal.store;

import io.millwright.api.quarantine.Quarantine;
import java.time.Clock;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;

/**
 * Registers the in-memory quarantine at the lowest ranking, so drivers always have one; the
 * store's durable quarantine takes over as soon as it is installed.
 */
@Component(service = Quarantine.class, property = {
        Constants.SERVICE_RANKING + ":Integer=-1000",
        "millwright.store=memory"})
public class InMemoryQuarantineComponent extends InMemoryQuarantine {

    private static final int CAPACITY = 1_000;

    public InMemoryQuarantineComponent() {
        super(CAPACITY, Clock.systemUTC());
    }
}
