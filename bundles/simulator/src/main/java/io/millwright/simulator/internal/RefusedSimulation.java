package io.millwright.simulator.internal;

/** A simulator configuration file that was refused, with the key and value at fault. */
public record RefusedSimulation(String pid, String file, String key, String value, String problem) {
}
