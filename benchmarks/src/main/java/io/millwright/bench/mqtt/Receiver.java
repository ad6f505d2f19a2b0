package io.millwright.bench.mqtt;

/** One of the two subscribing paths the benchmark compares. */
interface Receiver extends AutoCloseable {

    String name();

    /** Prefix shared by the names of this path's client threads (Paho's "MQTT Call: id", "MQTT Rec: id", ...). */
    String clientId();

    /** Connects and subscribes; returns once the subscription is in place. */
    void start() throws Exception;

    /** Messages handled so far (for the driver: batches handed to the sink). */
    long messages();

    /** Values handled so far (for the driver: samples in those batches). */
    long values();

    /** Something computed from every value, so nothing is optimised away. */
    double checksum();

    @Override
    void close();
}
