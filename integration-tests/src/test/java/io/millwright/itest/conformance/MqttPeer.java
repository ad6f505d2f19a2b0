package io.millwright.itest.conformance;

import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The MQTT driver's peer: the embedded broker, fed by the simulated plant's MQTT face (JSON). The
 * faulty link sits between the driver and the broker; the face publishes to the broker directly.
 */
final class MqttPeer implements ConformancePeer {

    @Override
    public String driverFeature() {
        return "millwright-driver-mqtt";
    }

    @Override
    public String driverName() {
        return "mqtt";
    }

    @Override
    public String[] peerFeatures() {
        return new String[] {"millwright-mqtt-broker", "millwright-simulator-mqtt"};
    }

    /** The broker runs on the port the test container gave it (etc/io.millwright.mqtt.broker.cfg). */
    @Override
    public OptionalInt runningPeerPort(ConfigurationAdmin admin) throws Exception {
        Configuration broker = admin.getConfiguration("io.millwright.mqtt.broker", "?");
        Dictionary<String, Object> props = broker.getProperties();
        Object port = props == null ? null : props.get("port");
        if (port == null) {
            throw new IllegalStateException("the test container's broker has no port in etc/io.millwright.mqtt.broker.cfg");
        }
        return OptionalInt.of(Integer.parseInt(port.toString().trim()));
    }

    @Override
    public Map<String, Map<String, String>> peerFiles(int port) {
        Map<String, String> sim = new LinkedHashMap<>();
        sim.put("id", "cfmqtt");
        sim.put("cycleTimeMs", "50");
        sim.put("faultsPerHour", "0");
        sim.put("minorStopsPerHour", "0");
        sim.put("starvationsPerHour", "0");
        sim.put("modbus.enabled", "false");
        Map<String, String> face = new LinkedHashMap<>();
        face.put("brokerUri", "tcp://127.0.0.1:" + port);
        face.put("format", "json");
        face.put("publishIntervalMs", "100");
        face.put("refreshMs", "1000");
        Map<String, Map<String, String>> files = new LinkedHashMap<>();
        files.put("io.millwright.simulator-cfmqtt.cfg", sim);
        files.put("io.millwright.simulator.mqtt.cfg", face);
        return files;
    }

    @Override
    public String deviceFile(String deviceId) {
        return "io.millwright.driver.mqtt-" + deviceId + ".cfg";
    }

    @Override
    public Map<String, String> device(String deviceId, int port, boolean withBrokenTag) {
        String d = "device." + deviceId + ".";
        Map<String, String> file = new LinkedHashMap<>();
        file.put("id", "c-" + deviceId);
        file.put("uri", "tcp://127.0.0.1:" + port);
        file.put("clientId", "cf-" + deviceId);
        file.put("keepAlive", "5");
        file.put("connectTimeout", "5");
        file.put("reconnectMaxDelay", "1000");
        file.put(d + "format", "json");
        file.put(d + "topic", "millwright/sim/cfmqtt");
        file.put(d + "qos", "1");
        file.put(d + "timestamp", "/ts");
        file.put(d + "tag.count", "/totalCount long");
        if (withBrokenTag) {
            // a text where a number is mapped: the peer "answers garbage" for this tag only
            file.put(d + "tag.broken", "/stateName long");
        }
        return file;
    }

    @Override
    public String brokenReason() {
        return "is not a long";
    }

    @Override
    public Map<String, String> shortTimeout() {
        return Map.of("keepAlive", "1");
    }
}
