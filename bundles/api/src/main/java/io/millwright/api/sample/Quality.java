package io.millwright.api.sample;

/** How far a sample's value can be trusted; the core treats anything but GOOD as missing data. */
public enum Quality {
    GOOD,
    UNCERTAIN,
    BAD
}
