package io.millwright.itest.conformance;

import java.util.Map;

/**
 * What a driver brings to the conformance kit: its feature, a peer it talks to on loopback (from
 * the simulated plant), and device files for it. The kit puts a {@link FaultyLink} between the
 * two, so each device file must connect to the port it is given.
 */
public interface ConformancePeer {

    /** The driver's feature, e.g. {@code millwright-driver-modbus}. */
    String driverFeature();

    /** The name {@code millwright:driver-update} takes, e.g. {@code modbus}. */
    String driverName();

    /** Features the peer needs (the simulator and its face). */
    String[] peerFeatures();

    /**
     * The port of a peer that is already running in the container (the embedded MQTT broker), or
     * empty when {@link #peerFiles} starts one on a free port.
     */
    default java.util.OptionalInt runningPeerPort(org.osgi.service.cm.ConfigurationAdmin admin) throws Exception {
        return java.util.OptionalInt.empty();
    }

    /** Configuration files (etc/ name → properties) that start the peer; {@code port} is where it must listen. */
    Map<String, Map<String, String>> peerFiles(int port);

    /** The device file name for {@code deviceId}. */
    String deviceFile(String deviceId);

    /**
     * A device reaching the peer through {@code port}: a tag {@code count} that keeps changing, and,
     * when {@code withBrokenTag}, a tag {@code broken} the peer answers with an error.
     */
    Map<String, String> device(String deviceId, int port, boolean withBrokenTag);

    /** Words the broken tag's quality reason contains, lower case, e.g. {@code illegal data address}. */
    String brokenReason();

    /** The device property that makes the peer time out when answers take {@code slowMs}, as key and value. */
    Map<String, String> shortTimeout();
}
