package io.millwright.api.simulation;

/**
 * What a simulated machine's own controller says it is doing. OFFLINE and PLANNED_STOP are the
 * platform's judgement ({@link io.millwright.api.machine.MachineState}), not the machine's, so the
 * simulator never reports them.
 */
public enum ControllerStatus {
    RUNNING(1),
    IDLE(2),
    DOWN(3);

    private final int code;

    ControllerStatus(int code) {
        this.code = code;
    }

    /** The number a PLC would put in its state word. */
    public int code() {
        return code;
    }
}
