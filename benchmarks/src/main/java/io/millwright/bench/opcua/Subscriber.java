package io.millwright.bench.opcua;

/** One way of subscribing to the bench server's variables, started and closed once per round. */
interface Subscriber extends AutoCloseable {

    /** What the result table calls it. */
    String name();

    /** Every thread this subscriber runs on has a name starting with this. */
    String threadPrefix();

    /** Connects and creates the monitored items; returns once they are created. */
    void start() throws Exception;

    /** Values delivered so far (to the SampleSink, or to the subscription listener). */
    long notifications();

    /** Sum of the values delivered, so nothing is optimised away. */
    double checksum();

    @Override
    void close() throws Exception;
}
