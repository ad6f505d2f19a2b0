package io.millwright.core.internal.model;

/** The machine signals a tag can be bound to, with the configuration key that binds each. */
public enum SignalKind {
    RUNNING("running"),
    FAULT_CODE("faultCode"),
    FAULT("fault"),
    TOTAL_COUNT("totalCount"),
    REJECT_COUNT("rejectCount"),
    GOOD_COUNT("goodCount"),
    SPEED("speed"),
    PRODUCT("product");

    private final String key;

    SignalKind(String key) {
        this.key = key;
    }

    /** The configuration key of the binding, as in {@code etc/io.millwright.machine-*.cfg}. */
    public String key() {
        return key;
    }

    public boolean isCounter() {
        return this == TOTAL_COUNT || this == REJECT_COUNT || this == GOOD_COUNT;
    }
}
