package io.millwright.simulator.opcua.internal;

/**
 * How simulated machines are named in the OPC UA address space: string node ids in the
 * simulator's namespace, a folder {@code <machine>} holding variables {@code <machine>/<Variable>}.
 * Machine ids never contain '/', so a node id names exactly one machine and variable.
 */
public final class MachineNodeIds {

    /** The simulator's namespace; the only one the server adds, so its index is 2. */
    public static final String NAMESPACE_URI = "urn:millwright:simulator";

    /** The index the server gives {@link #NAMESPACE_URI}: after 0 (OPC UA) and 1 (the server's own). */
    public static final int NAMESPACE_INDEX = 2;

    /** The folder under Objects that holds one folder per machine. */
    public static final String ROOT_FOLDER = "Machines";

    private MachineNodeIds() {
    }

    /** The identifier of a machine's folder, e.g. {@code press01}. */
    public static String folder(String machineId) {
        return machineId;
    }

    /** The identifier of one of a machine's variables, e.g. {@code press01/TotalCount}. */
    public static String variable(String machineId, String variable) {
        return machineId + "/" + variable;
    }

    /** The node id as text with the namespace index the server gives the namespace, e.g. {@code ns=2;s=press01}. */
    public static String text(int namespaceIndex, String identifier) {
        return "ns=" + namespaceIndex + ";s=" + identifier;
    }
}
