package io.millwright.driver.opcua.internal.client;

import io.millwright.driver.opcua.internal.config.TagDefinition;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * One node the device watches, with every tag that reads it: two tags on one node share one
 * monitored item (the smaller sampling interval and deadband of the two) and each gets every value.
 */
public final class MonitoredNode {

    /** How the node's values arrive. */
    public enum Mode { SUBSCRIBED, POLLED, BAD }

    private final NodeId nodeId;
    private final String nodeIdText;
    private final List<TagDefinition> tags;
    private final double samplingMs;
    private final double deadband;
    private volatile Mode mode = Mode.SUBSCRIBED;
    private volatile String modeReason = "";

    MonitoredNode(String nodeIdText, List<TagDefinition> tags, double samplingMs, double deadband) {
        this.nodeIdText = nodeIdText;
        this.nodeId = NodeId.parse(nodeIdText);
        this.tags = List.copyOf(tags);
        this.samplingMs = samplingMs;
        this.deadband = deadband;
    }

    public NodeId nodeId() {
        return nodeId;
    }

    public String nodeIdText() {
        return nodeIdText;
    }

    public List<TagDefinition> tags() {
        return tags;
    }

    public double samplingMs() {
        return samplingMs;
    }

    public double deadband() {
        return deadband;
    }

    public Mode mode() {
        return mode;
    }

    /** Why the node is polled or BAD (the status name the server gave); empty when subscribed. */
    public String modeReason() {
        return modeReason;
    }

    void mode(Mode mode, String reason) {
        this.mode = mode;
        this.modeReason = reason;
    }
}
