package io.millwright.simulator.internal.opcua;

import io.millwright.simulator.internal.SimulatedMachine;
import io.millwright.simulator.internal.model.MachineSnapshot;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
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

    private record Entry(MachineFolder folder, Consumer<MachineSnapshot> listener) {
    }

    private final SubscriptionModel subscriptions;
    private final Map<SimulatedMachine, Entry> machines = new ConcurrentHashMap<>();
    private UaFolderNode root;

    MachineNamespace(OpcUaServer server) {
        super(server, MachineNodeIds.NAMESPACE_URI);
        subscriptions = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptions);
        getLifecycleManager().addStartupTask(this::addRoot);
        getLifecycleManager().addShutdownTask(this::removeAll);
    }

    /** Adds the machine's folder, which then follows the machine until {@link #remove}. */
    synchronized void add(SimulatedMachine machine) {
        remove(machine);
        MachineSnapshot first = machine.snapshot();
        MachineFolder folder = new MachineFolder(getNodeContext(), getNamespaceIndex().intValue(), machine.id(), first);
        root.addOrganizes(folder.node());
        Entry entry = new Entry(folder, folder::update);
        machines.put(machine, entry);
        machine.addListener(entry.listener());
    }

    synchronized void remove(SimulatedMachine machine) {
        Entry entry = machines.remove(machine);
        if (entry != null) {
            machine.removeListener(entry.listener());
            root.removeOrganizes(entry.folder().node());
            entry.folder().delete();
        }
    }

    private void addRoot() {
        NodeId rootId = newNodeId(MachineNodeIds.ROOT_FOLDER);
        root = new UaFolderNode(getNodeContext(), rootId, newQualifiedName(MachineNodeIds.ROOT_FOLDER),
                LocalizedText.english(MachineNodeIds.ROOT_FOLDER));
        getNodeManager().addNode(root);
        root.addReference(new Reference(rootId, NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
    }

    private synchronized void removeAll() {
        List.copyOf(machines.keySet()).forEach(this::remove);
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
