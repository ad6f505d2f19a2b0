package io.millwright.driver.opcua.internal.config;

/**
 * One configured tag: the node it reads, how its value is typed, and how it is monitored.
 *
 * @param samplingMs the sampling interval asked of the server (and the poll interval if the node
 *                   cannot be monitored); -1 means the device's publishing interval
 * @param deadband   absolute deadband for the data change filter; 0 for none
 */
public record TagDefinition(String name, String nodeId, TagType type, double samplingMs, double deadband,
                            boolean historize) {

    /** The address as the Device service shows it: {@code ns=2;s=Line1.Speed double}. */
    public String addressText() {
        return nodeId + " " + type.word();
    }
}
