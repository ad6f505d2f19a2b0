package io.millwright.driver.opcua.internal.shell;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * Lists the children of a node (hierarchical references, forward): for each, its class, browse
 * name and node id, and for variables a {@code tag.<name> = <nodeId>} line to paste into a device file.
 */
final class NodeBrowser {

    private NodeBrowser() {
    }

    static String browse(String deviceId, OpcUaClient client, NodeId start) throws Exception {
        BrowseDescription description = new BrowseDescription(start, BrowseDirection.Forward,
                NodeIds.HierarchicalReferences, true, uint(0), uint(BrowseResultMask.All.getValue()));
        BrowseResult result = client.browse(description);
        if (result.getStatusCode() != null && result.getStatusCode().isBad()) {
            throw new IllegalArgumentException("OPC UA device " + deviceId + ": cannot browse " + start.toParseableString()
                    + ": " + io.millwright.driver.opcua.internal.client.StatusNames.name(result.getStatusCode()));
        }
        List<String> lines = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        ReferenceDescription[] refs = result.getReferences() == null ? new ReferenceDescription[0] : result.getReferences();
        for (ReferenceDescription r : refs) {
            String id = r.getNodeId().toNodeId(client.getNamespaceTable()).map(NodeId::toParseableString)
                    .orElse(r.getNodeId().toParseableString());
            String name = r.getBrowseName() == null ? "?" : r.getBrowseName().name();
            lines.add(String.format("%-9s %-32s %s", r.getNodeClass(), name, id));
            if (r.getNodeClass() == NodeClass.Variable) {
                tags.add("tag." + tagName(name) + " = " + id);
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(deviceId).append(' ').append(start.toParseableString()).append(": ").append(refs.length).append(" children\n");
        b.append(String.format("%-9s %-32s %s%n", "Class", "Browse name", "Node id"));
        lines.forEach(l -> b.append(l).append('\n'));
        if (!tags.isEmpty()) {
            b.append("\nTag lines for the device file:\n");
            tags.forEach(t -> b.append(t).append('\n'));
        }
        return b.toString();
    }

    static String tagName(String browseName) {
        String n = browseName.replaceAll("[^A-Za-z0-9._-]+", "_");
        if (n.isEmpty() || !Character.isLetterOrDigit(n.charAt(0))) {
            n = "t" + n;
        }
        return n;
    }
}
