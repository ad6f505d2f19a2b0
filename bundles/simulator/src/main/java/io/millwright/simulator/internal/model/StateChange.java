package io.millwright.simulator.internal.model;

import io.millwright.api.simulation.ControllerStatus;
import io.millwright.api.simulation.StopCause;

/**
 * A change of a simulated machine's status, stop cause or fault code, at a virtual time.
 * Stops begin at cycle boundaries, so {@code timeMillis} may carry a fraction of a millisecond.
 */
public record StateChange(double timeMillis, ControllerStatus status, StopCause cause, int faultCode) {
}
