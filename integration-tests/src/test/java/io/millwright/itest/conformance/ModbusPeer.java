package io.millwright.itest.conformance;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Modbus driver's peer: a simulated machine's Modbus TCP server (j2mod slave). */
final class ModbusPeer implements ConformancePeer {

    @Override
    public String driverFeature() {
        return "millwright-driver-modbus";
    }

    @Override
    public String driverName() {
        return "modbus";
    }

    @Override
    public String[] peerFeatures() {
        return new String[] {"millwright-simulator"};
    }

    @Override
    public Map<String, Map<String, String>> peerFiles(int port) {
        Map<String, String> sim = new LinkedHashMap<>();
        sim.put("id", "cfmodbus");
        sim.put("cycleTimeMs", "50");
        sim.put("faultsPerHour", "0");
        sim.put("minorStopsPerHour", "0");
        sim.put("starvationsPerHour", "0");
        sim.put("modbus.port", Integer.toString(port));
        return Map.of("io.millwright.simulator-cfmodbus.cfg", sim);
    }

    @Override
    public String deviceFile(String deviceId) {
        return "io.millwright.driver.modbus-" + deviceId + ".cfg";
    }

    @Override
    public Map<String, String> device(String deviceId, int port, boolean withBrokenTag) {
        Map<String, String> device = new LinkedHashMap<>();
        device.put("id", deviceId);
        device.put("host", "127.0.0.1");
        device.put("port", Integer.toString(port));
        device.put("pollInterval", "200");
        device.put("timeout", "1000");
        device.put("reconnectMaxDelay", "1000");
        device.put("tag.count", "holding 2 uint32");
        if (withBrokenTag) {
            device.put("tag.broken", "holding 900 uint16");
        }
        return device;
    }

    @Override
    public String brokenReason() {
        return "illegal data address";
    }

    @Override
    public Map<String, String> shortTimeout() {
        return Map.of("timeout", "500");
    }
}
