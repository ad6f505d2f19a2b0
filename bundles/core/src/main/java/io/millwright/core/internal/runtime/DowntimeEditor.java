package io.millwright.core.internal.runtime;

import io.millwright.api.machine.DowntimeSplit;
import io.millwright.api.machine.ReasonSet;
import io.millwright.api.store.DowntimeRecord;
import io.millwright.core.internal.model.ReasonTree;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a person does to downtime records: set or correct a reason, split a stop in two. Each
 * change is an event that records who and when, stored at once.
 */
public final class DowntimeEditor {

    private final MachineRuntime runtime;
    private final Clock clock;

    public DowntimeEditor(MachineRuntime runtime, Clock clock) {
        this.runtime = runtime;
        this.clock = clock;
    }

    /** Sets the reason of a downtime, checked against the site's reason tree when it has one. */
    public ReasonSet setReason(String downtimeId, String reasonCode, String user) {
        DowntimeRecord downtime = find(downtimeId);
        String code = reasonCode.trim();
        Optional<ReasonTree> tree = runtime.snapshot(downtime.machineId())
                .map(s -> s.definition().site())
                .flatMap(runtime::reasonsFor);
        if (tree.isPresent() && !tree.get().isReason(code)) {
            throw new IllegalArgumentException("'" + code + "' is not a reason of site " + tree.get().site()
                    + "; reasons: " + tree.get().reasons().keySet().stream().limit(20).collect(Collectors.joining(", ")));
        }
        if (code.equals(downtime.reasonCode())) {
            throw new IllegalArgumentException("downtime " + downtimeId + " already has reason " + code);
        }
        ReasonSet event = new ReasonSet(downtime.machineId(), clock.instant(), downtimeId, downtime.reasonCode(), code,
                user);
        runtime.appendNow(event);
        return event;
    }

    /** Splits a downtime at {@code at}: the second part gets its own id and can get its own reason. */
    public DowntimeSplit split(String downtimeId, Instant at, String user) {
        DowntimeRecord downtime = find(downtimeId);
        Instant end = downtime.end() == null ? clock.instant() : downtime.end();
        if (!at.isAfter(downtime.start()) || !at.isBefore(end)) {
            throw new IllegalArgumentException("split time " + at + " is not inside downtime " + downtimeId
                    + " (" + downtime.start() + " to " + (downtime.end() == null ? "now" : downtime.end()) + ")");
        }
        DowntimeSplit event = new DowntimeSplit(downtime.machineId(), clock.instant(), downtimeId, at,
                downtimeId + "." + at.toEpochMilli(), user);
        runtime.appendNow(event);
        return event;
    }

    private DowntimeRecord find(String downtimeId) {
        runtime.writeNow();
        return runtime.store().downtime(downtimeId)
                .orElseThrow(() -> new IllegalArgumentException("no downtime '" + downtimeId + "'"));
    }
}
