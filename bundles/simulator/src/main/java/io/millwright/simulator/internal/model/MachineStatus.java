package io.millwright.simulator.internal.model;

/**
 * What a simulated machine's own controller says it is doing. OFFLINE and PLANNED_STOP are the
 * platform's judgement, not the machine's, so the simulator never reports them.
 */
public enum MachineStatus {
    RUNNING(1),
    IDLE(2),
    DOWN(3);

    private final int code;

    MachineStatus(int code) {
        this.code = code;
    }

    /** The number a PLC would put in its state word. */
    public int code() {
        return code;
    }
}
