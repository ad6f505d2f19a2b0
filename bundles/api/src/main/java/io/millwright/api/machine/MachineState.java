package io.millwright.api.machine;

/**
 * The status of a machine. Declared in order of precedence: when several hold at once, the one
 * declared first wins (see DESIGN.md, "Machine state and OEE").
 */
public enum MachineState {
    /** No trustworthy data: the device is unreachable or stale. Reported as a data gap, never as downtime. */
    OFFLINE,
    /** The calendar says the machine is not meant to run: break, planned maintenance, no shift. */
    PLANNED_STOP,
    /** Stopped with a fault. Unplanned; an availability loss. */
    DOWN,
    /** Stopped without a fault: starved, blocked, waiting. Unplanned; an availability loss. */
    IDLE,
    /** Producing. */
    RUNNING;

    /** Whether this state wins over {@code other} when both hold. */
    public boolean outranks(MachineState other) {
        return ordinal() < other.ordinal();
    }

    /** Whether time in this state is an unplanned stop (availability loss). */
    public boolean isUnplannedStop() {
        return this == DOWN || this == IDLE;
    }

    /** Whether time in this state counts toward planned production time. */
    public boolean isPlannedProduction() {
        return this == RUNNING || this == DOWN || this == IDLE;
    }
}
