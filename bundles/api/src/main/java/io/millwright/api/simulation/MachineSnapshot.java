package io.millwright.api.simulation;

/**
 * A simulated machine at one instant of virtual time: what its controller would show.
 *
 * @param timeMillis  virtual time, epoch milliseconds
 * @param totalCount  cumulative parts made, rejects included; unsigned 32-bit, wraps at 2^32
 * @param rejectCount cumulative rejects; unsigned 32-bit, wraps at 2^32
 * @param faultCode   0 when not faulted
 * @param speed       parts per minute of the last cycle while running, 0 when stopped
 * @param paused      production is paused by command (the machine may also be faulted)
 */
public record MachineSnapshot(long timeMillis, ControllerStatus status, StopCause cause, int faultCode,
        long totalCount, long rejectCount, double speed, boolean paused) {
}
