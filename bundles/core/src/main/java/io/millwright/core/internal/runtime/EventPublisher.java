package io.millwright.core.internal.runtime;

import io.millwright.api.machine.MachineEvent;
import io.millwright.api.store.MachineBatch;
import io.millwright.api.store.MachineCheckpoint;
import io.millwright.api.store.MachineStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the events the engines derived to the store in batches, then announces them on
 * EventAdmin. When the store cannot write, events are held in memory up to a bound and retried
 * with the next batch; what had to be dropped beyond the bound is counted and reported.
 * Used by one thread only (the runtime's writer).
 */
final class EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final int limit;
    private final List<MachineEvent> backlog = new ArrayList<>();
    private final Map<String, MachineCheckpoint> backlogCheckpoints = new HashMap<>();
    private volatile int backlogSize;
    private volatile long dropped;
    private volatile String failure;
    private long lastDropLog;

    EventPublisher(int limit) {
        this.limit = limit;
    }

    void publish(List<MachineEvent> events, List<MachineCheckpoint> checkpoints, MachineStore store,
                 EventAdmin eventAdmin) {
        backlog.addAll(events);
        for (MachineCheckpoint checkpoint : checkpoints) {
            backlogCheckpoints.put(checkpoint.machineId(), checkpoint);
        }
        if (backlog.isEmpty() && backlogCheckpoints.isEmpty()) {
            return;
        }
        if (store == null) {
            hold("no machine store is registered");
            return;
        }
        MachineBatch batch = new MachineBatch(backlog, new ArrayList<>(backlogCheckpoints.values()));
        try {
            store.append(batch);
        } catch (RuntimeException e) {
            hold(e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        }
        if (failure != null) {
            LOG.info("Machine store writes again; {} held events stored", backlog.size());
            failure = null;
        }
        if (eventAdmin != null) {
            for (MachineEvent event : backlog) {
                eventAdmin.postEvent(toEvent(event));
            }
        }
        backlog.clear();
        backlogCheckpoints.clear();
        backlogSize = 0;
    }

    private void hold(String reason) {
        if (failure == null) {
            LOG.error("Cannot write machine events to the store: {}. Holding them in memory (at most {})",
                    reason, limit);
        }
        failure = reason;
        int excess = backlog.size() - limit;
        if (excess > 0) {
            backlog.subList(0, excess).clear();
            dropped += excess;
            long now = System.currentTimeMillis();
            if (now - lastDropLog > 60_000) {
                lastDropLog = now;
                LOG.error("Machine event backlog over {}: oldest events dropped, {} in all", limit, dropped);
            }
        }
        backlogSize = backlog.size();
    }

    static Event toEvent(MachineEvent event) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("machine.id", event.machineId());
        properties.put("event.key", event.eventKey());
        properties.put("time", event.time().toEpochMilli());
        properties.put("event", event);
        return new Event(event.topic(), properties);
    }

    int backlog() {
        return backlogSize;
    }

    long dropped() {
        return dropped;
    }

    String failure() {
        return failure;
    }
}
