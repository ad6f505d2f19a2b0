package io.millwright.api.sample;

/** The type a sample's value was read as, so consumers can take it without boxing. */
public enum ValueType {
    BOOLEAN,
    LONG,
    DOUBLE,
    STRING,
    /** No value: a BAD sample that reports only why the read failed. */
    NONE
}
