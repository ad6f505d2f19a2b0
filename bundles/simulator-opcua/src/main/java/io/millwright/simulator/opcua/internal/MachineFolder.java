package io.millwright.simulator.opcua.internal;

import io.millwright.api.simulation.MachineSnapshot;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;

/**
 * One machine's folder and its read-only variables. {@link #update} writes a variable only when
 * its value changes, stamped with the model time of the change as the source timestamp, as a PLC
 * would: a subscription sees each change once, and a read tells how long a value has held.
 */
final class MachineFolder {

    private final UaFolderNode folder;
    private final Map<MachineVariable, UaVariableNode> nodes = new EnumMap<>(MachineVariable.class);
    private final Map<MachineVariable, Object> values = new EnumMap<>(MachineVariable.class);

    /** Builds the folder and its variables, holding {@code first}'s values, and adds them to the context's node manager. */
    MachineFolder(UaNodeContext context, int namespaceIndex, String machineId, MachineSnapshot first) {
        folder = new UaFolderNode(context, new NodeId(namespaceIndex, MachineNodeIds.folder(machineId)),
                new QualifiedName(namespaceIndex, machineId), LocalizedText.english(machineId));
        context.getNodeManager().addNode(folder);
        for (MachineVariable v : MachineVariable.values()) {
            UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(context)
                    .setNodeId(new NodeId(namespaceIndex, MachineNodeIds.variable(machineId, v.browseName())))
                    .setBrowseName(new QualifiedName(namespaceIndex, v.browseName()))
                    .setDisplayName(LocalizedText.english(v.browseName()))
                    .setDescription(LocalizedText.english(v.description()))
                    .setDataType(dataType(v.dataType()))
                    .setTypeDefinition(NodeIds.BaseDataVariableType)
                    .setAccessLevel(AccessLevel.CurrentRead)
                    .setUserAccessLevel(AccessLevel.CurrentRead)
                    .setValue(dataValue(v, v.valueOf(first), first.timeMillis()))
                    .build();
            context.getNodeManager().addNode(node);
            folder.addComponent(node);
            nodes.put(v, node);
            values.put(v, v.valueOf(first));
        }
    }

    UaFolderNode node() {
        return folder;
    }

    /** Called on the machine's thread after every tick and command. */
    void update(MachineSnapshot snapshot) {
        for (MachineVariable v : MachineVariable.values()) {
            Object value = v.valueOf(snapshot);
            if (!Objects.equals(values.put(v, value), value)) {
                nodes.get(v).setValue(dataValue(v, value, snapshot.timeMillis()));
            }
        }
    }

    /** Removes the variables and the folder from the address space. */
    void delete() {
        nodes.values().forEach(UaVariableNode::delete);
        folder.delete();
    }

    private static DataValue dataValue(MachineVariable v, Object value, long sourceMillis) {
        Object opcUaValue = switch (v.dataType()) {
            case UINT16 -> UShort.valueOf((Integer) value);
            case UINT32 -> UInteger.valueOf((Long) value);
            default -> value;
        };
        return new DataValue(new Variant(opcUaValue), StatusCode.GOOD, new DateTime(java.time.Instant.ofEpochMilli(sourceMillis)),
                DateTime.now());
    }

    private static NodeId dataType(MachineVariable.DataType type) {
        return switch (type) {
            case BOOLEAN -> NodeIds.Boolean;
            case INT32 -> NodeIds.Int32;
            case UINT16 -> NodeIds.UInt16;
            case UINT32 -> NodeIds.UInt32;
            case DOUBLE -> NodeIds.Double;
            case STRING -> NodeIds.String;
        };
    }
}
