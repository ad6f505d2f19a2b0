package io.millwright.simulator.internal.model;

/**
 * A change of a simulated machine's status, stop cause or fault code, at a virtual time.
 * Stops begin at cycle boundaries, so {@code timeMillis} may carry a fraction of a millisecond.
 */
public record StateChange(double timeMillis, MachineStatus status, StopCause cause, int faultCode) {
}
