package io.millwright.store.derby.internal.osgi;

import io.millwright.api.device.Device;
import io.millwright.api.health.HealthCheck;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import io.millwright.store.derby.internal.taghistory.TagHistorian;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tag historian in OSGi: a {@link SampleSink} beside the core's, fed by every driver, keeping the
 * history of tags their devices mark historized. It tracks every {@link Device} service to know
 * which tags those are, and owns one thread that writes the buffered samples into the store's
 * database every {@code tagHistoryFlushMillis}. It lives inside the Derby store's lifecycle (a
 * static reference): when the store or its DataSource goes, the historian writes what it holds and
 * stops first. A configuration change restarts it the same way.
 */
@Component(service = {SampleSink.class, HealthCheck.class, TagHistorianComponent.class},
        configurationPid = "io.millwright.store", immediate = true)
public class TagHistorianComponent implements SampleSink, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(TagHistorianComponent.class);

    @Reference
    private DerbyStoreComponent store;

    private final Set<Device> devices = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile TagHistorian historian;
    private ScheduledExecutorService writer;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDevice(Device device) {
        synchronized (devices) {
            devices.add(device);
            reindex();
        }
    }

    void updatedDevice(Device device) {
        synchronized (devices) {
            reindex();
        }
    }

    void removeDevice(Device device) {
        synchronized (devices) {
            devices.remove(device);
            reindex();
        }
    }

    /** Called with the devices' lock held; before activation there is nothing to index yet. */
    private void reindex() {
        TagHistorian current = historian;
        if (current != null) {
            current.devicesChanged(new ArrayList<>(devices));
        }
    }

    @Activate
    void activate(StoreConfig config) {
        TagHistorian created = new TagHistorian(config.tagHistoryBuffer(), store::requireDatabase);
        synchronized (devices) {
            historian = created;
            reindex();
        }
        writer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "millwright-tag-historian"));
        long every = config.tagHistoryFlushMillis();
        writer.scheduleWithFixedDelay(created::flush, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Tag historian keeping {} historized tags, writing every {} ms", created.historizedTags(), every);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
            writer.shutdownNow();
        }
        // what the last interval kept; the writer has stopped, so this is the only flush running
        historian.flush();
    }

    @Override
    public void accept(List<Sample> samples) {
        historian.accept(samples);
    }

    @Override
    public String name() {
        return "tag-history";
    }

    @Override
    public List<HealthFinding> check() {
        return historian.findings("tag history in " + store.location());
    }

    public TagHistorian historian() {
        return historian;
    }
}
