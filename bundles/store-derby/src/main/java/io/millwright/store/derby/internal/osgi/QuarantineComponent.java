package io.millwright.store.derby.internal.osgi;

import io.millwright.api.quarantine.Quarantine;
import io.millwright.api.quarantine.QuarantinedPayload;
import io.millwright.store.derby.internal.quarantine.DerbyQuarantine;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The durable quarantine in OSGi, in the Derby store's database and lifecycle (a static reference
 * to the store). Ranks above the core's in-memory quarantine. While the database cannot be
 * opened, {@link #put} throws with the reason and the driver keeps the payload itself.
 */
@Component(service = Quarantine.class, configurationPid = "io.millwright.store",
        property = {Constants.SERVICE_RANKING + ":Integer=100", "millwright.store=derby"})
public class QuarantineComponent implements Quarantine {

    @Reference
    private DerbyStoreComponent store;

    private DerbyQuarantine quarantine;

    @Activate
    void activate(StoreConfig config) {
        quarantine = new DerbyQuarantine(store::requireDatabase, config.quarantinePerSource(), Clock.systemUTC());
    }

    @Override
    public long put(String source, String topic, String reason, byte[] payload) {
        return quarantine.put(source, topic, reason, payload);
    }

    @Override
    public List<QuarantinedPayload> list(String source, int max) {
        return quarantine.list(source, max);
    }

    @Override
    public Optional<QuarantinedPayload> get(long id) {
        return quarantine.get(id);
    }

    @Override
    public boolean remove(long id) {
        return quarantine.remove(id);
    }

    @Override
    public long count(String source) {
        return quarantine.count(source);
    }
}
