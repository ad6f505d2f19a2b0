package io.millwright.driver.opcua.internal.client;

import io.millwright.driver.opcua.internal.config.DeviceSettings;
import io.millwright.driver.opcua.internal.config.TagDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * Which monitored items a device creates and how they are split over subscriptions: one item per
 * distinct node (tags on the same node share it), at most {@code maxItemsPerSubscription} items
 * per subscription, in configuration order.
 */
public final class SubscriptionPlan {

    private final List<MonitoredNode> nodes;
    private final List<List<MonitoredNode>> groups;

    private SubscriptionPlan(List<MonitoredNode> nodes, List<List<MonitoredNode>> groups) {
        this.nodes = nodes;
        this.groups = groups;
    }

    public static SubscriptionPlan of(DeviceSettings settings) {
        Map<NodeId, List<TagDefinition>> byNode = new LinkedHashMap<>();
        Map<NodeId, String> text = new LinkedHashMap<>();
        for (TagDefinition t : settings.tags()) {
            NodeId id = NodeId.parse(t.nodeId());
            byNode.computeIfAbsent(id, k -> new ArrayList<>()).add(t);
            text.putIfAbsent(id, t.nodeId());
        }
        List<MonitoredNode> nodes = new ArrayList<>();
        for (Map.Entry<NodeId, List<TagDefinition>> e : byNode.entrySet()) {
            double sampling = Double.MAX_VALUE;
            double deadband = Double.MAX_VALUE;
            for (TagDefinition t : e.getValue()) {
                sampling = Math.min(sampling, settings.samplingOf(t));
                deadband = Math.min(deadband, t.deadband());
            }
            nodes.add(new MonitoredNode(text.get(e.getKey()), e.getValue(), sampling, deadband));
        }
        List<List<MonitoredNode>> groups = new ArrayList<>();
        int max = settings.maxItemsPerSubscription();
        for (int i = 0; i < nodes.size(); i += max) {
            groups.add(List.copyOf(nodes.subList(i, Math.min(nodes.size(), i + max))));
        }
        return new SubscriptionPlan(List.copyOf(nodes), List.copyOf(groups));
    }

    public List<MonitoredNode> nodes() {
        return nodes;
    }

    /** The items of each subscription. */
    public List<List<MonitoredNode>> groups() {
        return groups;
    }
}
