package io.millwright.simulator.opcua.internal;

import io.millwright.api.simulation.MachineSnapshot;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * The simulator's namespace ({@value MachineNodeIds#NAMESPACE_URI}): Objects/Machines, holding a
 * folder per simulated machine, each following its machine's snapshots. Subscriptions sample the
 * variables through Milo's {@link SubscriptionModel}, on the server's own timer.
 */
final class MachineNamespace extends ManagedNamespaceWithLifecycle {

    private final SubscriptionModel subscriptions;
    private final Map<String, MachineFolder> folders = new ConcurrentHashMap<>();
    private UaFolderNode root;

    MachineNamespace(OpcUaServer server) {
        super(server, MachineNodeIds.NAMESPACE_URI);
        subscriptions = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptions);
        getLifecycleManager().addStartupTask(this::addRoot);
        getLifecycleManager().addShutdownTask(this::removeAll);
    }

    /** Adds the machine's folder, holding {@code first}'s values, in place of any folder of that id. */
    synchronized void add(String machineId, MachineSnapshot first) {
        remove(machineId);
        MachineFolder folder = new MachineFolder(getNodeContext(), getNamespaceIndex().intValue(), machineId, first);
        root.addOrganizes(folder.node());
        folders.put(machineId, folder);
    }

    /**
     * Writes the values that changed into the machine's folder. Takes no lock of its own: the plant
     * calls it on the machine's thread, in order, and never while the folder is being added or removed.
     */
    void update(String machineId, MachineSnapshot snapshot) {
        MachineFolder folder = folders.get(machineId);
        if (folder != null) {
            folder.update(snapshot);
        }
    }

    synchronized void remove(String machineId) {
        MachineFolder folder = folders.remove(machineId);
        if (folder != null) {
            root.removeOrganizes(folder.node());
            folder.delete();
        }
    }

    /** The machines that have a folder, sorted. */
    List<String> machineIds() {
        return folders.keySet().stream().sorted().toList();
    }

    /** Removes every machine's folder, keeping Objects/Machines. */
    synchronized void removeAll() {
        List.copyOf(folders.keySet()).forEach(this::remove);
    }

    private void addRoot() {
        NodeId rootId = newNodeId(MachineNodeIds.ROOT_FOLDER);
        root = new UaFolderNode(getNodeContext(), rootId, newQualifiedName(MachineNodeIds.ROOT_FOLDER),
                LocalizedText.english(MachineNodeIds.ROOT_FOLDER));
        getNodeManager().addNode(root);
        root.addReference(new Reference(rootId, NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
    }

    @Override
    public void onDataItemsCreated(List<DataItem> items) {
        subscriptions.onDataItemsCreated(items);
    }

    @Override
    public void onDataItemsModified(List<DataItem> items) {
        subscriptions.onDataItemsModified(items);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> items) {
        subscriptions.onDataItemsDeleted(items);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> items) {
        subscriptions.onMonitoringModeChanged(items);
    }
}
