package io.millwright.simulator.mqtt.internal;

import java.util.List;
import java.util.Optional;

/**
 * The simulator's MQTT publisher as the shell sees it: where it publishes, whether it is
 * connected, what it has sent, and the switch that takes it off the broker and back (a peer that
 * drops off the network).
 */
public interface MqttFace {

    /** The configuration in force, or empty when the configuration file was refused. */
    Optional<MqttFaceSettings> settings();

    /** Connected to the broker and publishing. */
    boolean isConnected();

    /** Taken down by command ({@link #setUp}) or refused: not even trying to connect. */
    boolean isDown();

    /** Why not connected (refused configuration, broker away); empty when connected or taken down by command. */
    String problem();

    /** Messages handed to the broker connection since the face last came up. */
    long messagesPublished();

    /** The machines published now, sorted. */
    List<String> machineIds();

    /** Disconnects (after an NDEATH) and stops trying, or connects again. */
    void setUp(boolean up);
}
