package io.millwright.core.internal.model;

/** How a machine's count tags deliver parts: as PLC counters that only grow, or as increments. */
public enum CountMode {
    /** Cumulative counters, with rollover and reset detection. */
    CUMULATIVE,
    /** Each sample carries the parts made since the previous one. */
    INCREMENT
}
