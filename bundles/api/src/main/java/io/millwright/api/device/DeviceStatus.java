package io.millwright.api.device;

/** The link state of a device as its driver sees it. */
public enum DeviceStatus {
    /** Configured; the driver is (re)connecting and has no data yet. */
    CONNECTING,
    /** Connected and delivering good data. */
    ONLINE,
    /** Connected, but some tags fail or requests time out. */
    DEGRADED,
    /** Unreachable, or its data is stale; retried with backoff. */
    OFFLINE;

    /** Whether the device delivers data the core may trust. */
    public boolean deliversData() {
        return this == ONLINE || this == DEGRADED;
    }
}
