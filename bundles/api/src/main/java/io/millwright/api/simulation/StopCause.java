package io.millwright.api.simulation;

/** Why a simulated machine is not producing; {@link #NONE} while it runs. */
public enum StopCause {
    NONE(0),
    /** A short stop, well under the core's micro-stop threshold by default. */
    MINOR_STOP(1),
    /** Starved of material or blocked downstream: a longer idle period without a fault. */
    STARVED(2),
    /** Production paused by command ({@code sim-pause}). */
    PAUSED(3),
    /** A fault, random or forced; the fault code says which. */
    FAULT(4);

    private final int code;

    StopCause(int code) {
        this.code = code;
    }

    /** The number a PLC would put in its stop-cause word. */
    public int code() {
        return code;
    }
}
