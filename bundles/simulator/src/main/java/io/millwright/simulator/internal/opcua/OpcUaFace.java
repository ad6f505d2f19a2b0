package io.millwright.simulator.internal.opcua;

import java.io.IOException;
import java.util.Optional;

/**
 * The simulator's OPC UA server as the shell sees it: where it listens, whether it is up, and the
 * switch that takes it down and brings it back (a peer that drops off the network). Free of Milo
 * types, so the shell works whether or not Milo is installed.
 */
public interface OpcUaFace {

    /** The configuration in force, or empty when the configuration file was refused. */
    Optional<OpcUaSettings> settings();

    boolean isUp();

    /** Why the server is not up (refused configuration, Milo missing, port taken); empty when up or taken down by command. */
    String problem();

    /** The node id of a machine's folder as clients write it, e.g. {@code ns=2;s=press01}. */
    String folderNodeId(String machineId);

    /** Stops the server (sessions and connections end, the port closes) or starts it again on the same port. */
    void setUp(boolean up) throws IOException;
}
