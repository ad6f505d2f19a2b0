package io.millwright.driver.mqtt.internal.config;

/** A Sparkplug B edge node ({@code device} null) or a device behind one. */
public record SparkplugAddress(String group, String edgeNode, String device) {

    public static final String NAMESPACE = "spBv1.0";

    public boolean isNode() {
        return device == null;
    }

    /** The node this address is, or the node the device is behind. */
    public SparkplugAddress nodeAddress() {
        return isNode() ? this : new SparkplugAddress(group, edgeNode, null);
    }

    /** Everything the edge node publishes (births, data, deaths of the node and its devices). */
    public String filter() {
        return NAMESPACE + "/" + group + "/+/" + edgeNode + "/#";
    }

    @Override
    public String toString() {
        return group + "/" + edgeNode + (device == null ? "" : "/" + device);
    }
}
