package io.millwright.itest.conformance;

import java.util.LinkedHashMap;
import java.util.Map;

/** The OPC UA driver's peer: the simulated plant's OPC UA face (a Milo server), one machine on it. */
final class OpcUaPeer implements ConformancePeer {

    @Override
    public String driverFeature() {
        return "millwright-driver-opcua";
    }

    @Override
    public String driverName() {
        return "opcua";
    }

    @Override
    public String[] peerFeatures() {
        return new String[] {"millwright-simulator-opcua"};
    }

    @Override
    public Map<String, Map<String, String>> peerFiles(int port) {
        Map<String, String> sim = new LinkedHashMap<>();
        sim.put("id", "cfopcua");
        sim.put("cycleTimeMs", "50");
        sim.put("faultsPerHour", "0");
        sim.put("minorStopsPerHour", "0");
        sim.put("starvationsPerHour", "0");
        sim.put("modbus.enabled", "false");
        Map<String, String> face = new LinkedHashMap<>();
        face.put("port", Integer.toString(port));
        Map<String, Map<String, String>> files = new LinkedHashMap<>();
        files.put("io.millwright.simulator-cfopcua.cfg", sim);
        files.put("io.millwright.simulator.opcua.cfg", face);
        return files;
    }

    @Override
    public String deviceFile(String deviceId) {
        return "io.millwright.driver.opcua-" + deviceId + ".cfg";
    }

    @Override
    public Map<String, String> device(String deviceId, int port, boolean withBrokenTag) {
        Map<String, String> device = new LinkedHashMap<>();
        device.put("id", deviceId);
        // the faulty link's port: the server's endpoints name its own port, which the driver
        // must not follow (it keeps to the URL it was given)
        device.put("endpointUrl", "opc.tcp://127.0.0.1:" + port);
        device.put("publishingInterval", "200");
        device.put("requestTimeout", "5000");
        device.put("reconnectMaxDelay", "1000");
        device.put("tag.count", "ns=2;s=cfopcua/TotalCount long");
        if (withBrokenTag) {
            device.put("tag.broken", "ns=2;s=cfopcua/NoSuchNode long");
        }
        return device;
    }

    @Override
    public String brokenReason() {
        return "bad_nodeidunknown";
    }

    @Override
    public Map<String, String> shortTimeout() {
        return Map.of("requestTimeout", "1000");
    }
}
