package io.millwright.simulator.opcua.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The simulator's OPC UA server as the shell sees it: where it listens, whether it is up, which
 * machines it serves, and the switch that takes it down and brings it back (a peer that drops off
 * the network).
 */
public interface OpcUaFace {

    /** The configuration in force, or empty when the configuration file was refused. */
    Optional<OpcUaSettings> settings();

    boolean isUp();

    /** Why the server is not up (refused configuration, port taken); empty when up or taken down by command. */
    String problem();

    /** The machines with a folder now, sorted; empty while the server is down. */
    List<String> machineIds();

    /** The node id of a machine's folder as clients write it, e.g. {@code ns=2;s=press01}. */
    String folderNodeId(String machineId);

    /** Stops the server (sessions and connections end, the port closes) or starts it again on the same port. */
    void setUp(boolean up) throws IOException;
}
