package io.millwright.core.internal.store;

import io.millwright.api.machine.CountRecorded;
import io.millwright.api.machine.DowntimeEnded;
import io.millwright.api.machine.DowntimeSplit;
import io.millwright.api.machine.DowntimeStarted;
import io.millwright.api.machine.MachineEvent;
import io.millwright.api.machine.ReasonSet;
import io.millwright.api.machine.StateChanged;
import io.millwright.api.store.DowntimeRecord;
import io.millwright.api.store.MachineBatch;
import io.millwright.api.store.MachineCheckpoint;
import io.millwright.api.store.MachineStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The store contract kept in memory, so the core runs and can be tested before a durable store
 * is installed. Bounded: it keeps the newest {@code capacity} entries of each kind per machine and
 * forgets everything at a restart. A durable store with a higher service ranking replaces it.
 */
public class InMemoryMachineStore implements MachineStore {

    private final int capacity;
    private final Map<String, MachineHistory> machines = new HashMap<>();
    private final Map<String, DowntimeRecord> downtimes = new HashMap<>();
    private final Set<String> eventKeys = new LinkedHashSet<>();
    private final Map<String, MachineCheckpoint> checkpoints = new HashMap<>();
    /** A split downtime's id to the id of its last part, which a later end applies to. */
    private final Map<String, String> splitTails = new HashMap<>();

    public InMemoryMachineStore(int capacity) {
        this.capacity = capacity;
    }

    private static final class MachineHistory {
        final List<StateChanged> states = new ArrayList<>();
        final LinkedHashMap<String, Boolean> downtimeIds = new LinkedHashMap<>();
        final List<CountRecorded> counts = new ArrayList<>();
    }

    @Override
    public synchronized void append(MachineBatch batch) {
        for (MachineEvent event : batch.events()) {
            if (!eventKeys.add(event.eventKey())) {
                continue;
            }
            apply(event);
        }
        trimKeys();
        for (MachineCheckpoint checkpoint : batch.checkpoints()) {
            checkpoints.put(checkpoint.machineId(), checkpoint);
        }
    }

    private void apply(MachineEvent event) {
        MachineHistory history = machines.computeIfAbsent(event.machineId(), id -> new MachineHistory());
        if (event instanceof StateChanged) {
            history.states.add((StateChanged) event);
            trim(history.states);
        } else if (event instanceof CountRecorded) {
            history.counts.add((CountRecorded) event);
            trim(history.counts);
        } else if (event instanceof DowntimeStarted) {
            DowntimeStarted start = (DowntimeStarted) event;
            DowntimeRecord record = new DowntimeRecord(start.downtimeId(), start.machineId(), start.time(), null,
                    start.state(), start.reasonCode(), start.reasonCode() == null ? null : "rule:fault-code",
                    start.reasonCode() == null ? null : start.time(), false);
            addDowntime(history, record);
        } else if (event instanceof DowntimeEnded) {
            DowntimeEnded end = (DowntimeEnded) event;
            String part = splitTails.getOrDefault(end.downtimeId(), end.downtimeId());
            downtimes.computeIfPresent(part, (id, r) -> r.withEnd(end.time(), r.minorStop() || end.minorStop()));
        } else if (event instanceof ReasonSet) {
            ReasonSet reason = (ReasonSet) event;
            downtimes.computeIfPresent(reason.downtimeId(),
                    (id, r) -> r.withReason(reason.reasonCode(), reason.setBy(), reason.time()));
        } else if (event instanceof DowntimeSplit) {
            split(history, (DowntimeSplit) event);
        }
    }

    private void split(MachineHistory history, DowntimeSplit split) {
        DowntimeRecord original = downtimes.get(split.downtimeId());
        if (original == null) {
            return;
        }
        DowntimeRecord second = new DowntimeRecord(split.newDowntimeId(), original.machineId(), split.at(),
                original.end(), original.state(), original.reasonCode(), original.reasonSetBy(),
                original.reasonSetAt(), original.minorStop());
        downtimes.put(original.id(), new DowntimeRecord(original.id(), original.machineId(), original.start(),
                split.at(), original.state(), original.reasonCode(), original.reasonSetBy(), original.reasonSetAt(),
                original.minorStop()));
        addDowntime(history, second);
        if (original.end() == null) {
            // the stop is still open: when it ends, the end belongs to the part split off last
            splitTails.put(splitTails.entrySet().stream().filter(e -> e.getValue().equals(original.id()))
                    .map(Map.Entry::getKey).findFirst().orElse(original.id()), second.id());
        }
    }

    private void addDowntime(MachineHistory history, DowntimeRecord record) {
        downtimes.put(record.id(), record);
        history.downtimeIds.put(record.id(), Boolean.TRUE);
        while (history.downtimeIds.size() > capacity) {
            String oldest = history.downtimeIds.keySet().iterator().next();
            history.downtimeIds.remove(oldest);
            downtimes.remove(oldest);
        }
    }

    private <T> void trim(List<T> list) {
        if (list.size() > capacity) {
            list.subList(0, list.size() - capacity).clear();
        }
    }

    private void trimKeys() {
        int limit = capacity * 8;
        var it = eventKeys.iterator();
        while (eventKeys.size() > limit && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    @Override
    public synchronized Optional<MachineCheckpoint> checkpoint(String machineId) {
        return Optional.ofNullable(checkpoints.get(machineId));
    }

    @Override
    public synchronized List<StateChanged> stateChanges(String machineId, Instant from, Instant to) {
        MachineHistory history = machines.get(machineId);
        List<StateChanged> result = new ArrayList<>();
        if (history == null) {
            return result;
        }
        StateChanged before = null;
        for (StateChanged change : history.states) {
            if (change.time().isBefore(from)) {
                before = change;
            } else if (change.time().isBefore(to)) {
                result.add(change);
            }
        }
        if (before != null) {
            result.add(0, before);
        }
        result.sort((a, b) -> a.time().compareTo(b.time()));
        return result;
    }

    @Override
    public synchronized List<DowntimeRecord> downtimes(String machineId, Instant from, Instant to) {
        MachineHistory history = machines.get(machineId);
        List<DowntimeRecord> result = new ArrayList<>();
        if (history == null) {
            return result;
        }
        for (String id : history.downtimeIds.keySet()) {
            DowntimeRecord record = downtimes.get(id);
            if (record != null && record.start().isBefore(to) && (record.end() == null || record.end().isAfter(from))) {
                result.add(record);
            }
        }
        result.sort((a, b) -> a.start().compareTo(b.start()));
        return result;
    }

    @Override
    public synchronized Optional<DowntimeRecord> downtime(String downtimeId) {
        return Optional.ofNullable(downtimes.get(downtimeId));
    }

    @Override
    public synchronized List<CountRecorded> counts(String machineId, Instant from, Instant to) {
        MachineHistory history = machines.get(machineId);
        List<CountRecorded> result = new ArrayList<>();
        if (history == null) {
            return result;
        }
        for (CountRecorded count : history.counts) {
            if (!count.time().isBefore(from) && count.time().isBefore(to)) {
                result.add(count);
            }
        }
        return result;
    }
}
