package io.millwright.driver.opcua.internal.shell;

import io.millwright.driver.opcua.internal.OpcUaDevices;
import io.millwright.driver.opcua.internal.client.OpcUaDevice;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/** Browses a configured device's server over its own session, printing node ids ready to paste as tag lines. */
@Service
@Command(scope = "millwright", name = "opcua-browse",
        description = "Browses an OPC UA device's address space from a node (default: the Objects folder)")
public class OpcUaBrowseCommand implements Action {

    @Reference
    OpcUaDevices devices;

    @Argument(index = 0, name = "device", required = true, description = "Device id")
    @Completion(OpcUaDeviceCompleter.class)
    String device;

    @Argument(index = 1, name = "nodeId", required = false, description = "Node to browse, e.g. ns=2;s=Line1 (default i=85, Objects)")
    String nodeId;

    /**
     * Prints what {@link #run} says: a command's return value is shown at the console prompt but
     * not through bin/client or ssh with a command, so scripts would get nothing.
     */
    @Override
    public Object execute() throws Exception {
        System.out.println(run().stripTrailing());
        return null;
    }

    /** The command's output. */
    String run() throws Exception {
        OpcUaDevice d = devices.find(device);
        if (d == null) {
            throw new IllegalArgumentException("no running OPC UA device '" + device + "'; running: " + devices.ids());
        }
        NodeId start = NodeIds.ObjectsFolder;
        if (nodeId != null) {
            start = NodeId.parseSafe(nodeId).orElseThrow(() ->
                    new IllegalArgumentException("'" + nodeId + "' is not a node id (e.g. ns=2;s=Line1, i=85)"));
        }
        OpcUaClient client = d.client().orElseThrow(() ->
                new IllegalStateException("OPC UA device " + device + " is not connected: " + d.statusDetail()));
        return NodeBrowser.browse(device, client, start);
    }
}
