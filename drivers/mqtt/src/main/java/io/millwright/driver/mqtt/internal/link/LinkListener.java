package io.millwright.driver.mqtt.internal.link;

/** What a connection hears from its broker link. */
public interface LinkListener {

    /** Connected and subscribed. */
    void up();

    /** Not connected; {@code detail} says why, without secrets. */
    void down(String detail);

    /** A message arrived; throwing from here would make Paho drop the connection, so implementations do not. */
    void message(String topic, byte[] payload);
}
