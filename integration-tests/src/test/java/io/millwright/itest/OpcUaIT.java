package io.millwright.itest;

import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The OPC UA driver in the distribution against the simulated plant's OPC UA face (so Milo's
 * client and server both run inside Karaf, wrapped by the millwright-milo feature), as an
 * integrator sets it up: a simulated machine served over OPC UA and a driver device file
 * subscribing to its folder (one node id that does not exist); then the shell shows the device, the
 * bad node by its status name, browses the folder, and sees the device go OFFLINE and come back
 * when the server goes away and returns.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class OpcUaIT extends MillwrightTestSupport {

    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return distribution();
    }

    @Test
    public void aSimulatedMachineIsReadOverOpcUaIntoTheCore() throws Exception {
        installFeature("millwright-store-derby");
        installFeature("millwright-simulator-opcua");
        installFeature("millwright-driver-opcua");
        int port = UnpackedDistribution.freePort();
        Map<String, String> sim = new LinkedHashMap<>();
        sim.put("id", "uapress");
        sim.put("seed", "5");
        sim.put("cycleTimeMs", "100");
        sim.put("faultsPerHour", "0");
        sim.put("minorStopsPerHour", "0");
        sim.put("starvationsPerHour", "0");
        sim.put("modbus.enabled", "false");
        Map<String, String> face = new LinkedHashMap<>();
        face.put("port", Integer.toString(port));
        Map<String, String> device = new LinkedHashMap<>();
        device.put("id", "uadev");
        device.put("endpointUrl", "opc.tcp://127.0.0.1:" + port);
        device.put("publishingInterval", "200");
        device.put("tag.running", "ns=2;s=uapress/Running bool");
        device.put("tag.fault", "ns=2;s=uapress/FaultCode long");
        device.put("tag.total", "ns=2;s=uapress/TotalCount long");
        device.put("tag.ghost", "ns=2;s=uapress/NoSuchNode long");
        try {
            editConfigurationFile("io.millwright.simulator-uapress.cfg", sim);
            editConfigurationFile("io.millwright.simulator.opcua.cfg", face);
            editConfigurationFile("io.millwright.driver.opcua-uadev.cfg", device);

            await("uadev subscribed: total GOOD, the missing node BAD by its status name", () -> {
                String out = runAsViewer("millwright:device uadev").output;
                return out.contains("DEGRADED") && line(out, "total").contains("GOOD")
                        && line(out, "ghost").contains("Bad_NodeIdUnknown");
            });
            String browse = runAsViewer("millwright:opcua-browse uadev \"ns=2;s=uapress\"").ok();
            assertTrue(browse, browse.contains("ns=2;s=uapress/TotalCount"));

            runAsAdmin("millwright:sim-opcua down").ok();
            await("uadev OFFLINE while the server is away", () ->
                    line(runAsViewer("millwright:devices").output, "uadev").contains("OFFLINE"));
            runAsAdmin("millwright:sim-opcua up").ok();
            await("uadev back by itself", () ->
                    line(runAsViewer("millwright:devices").output, "uadev").contains("DEGRADED"));
        } finally {
            deleteConfigurationFile("io.millwright.driver.opcua-uadev.cfg");
            deleteConfigurationFile("io.millwright.simulator.opcua.cfg");
            deleteConfigurationFile("io.millwright.simulator-uapress.cfg");
        }
    }

}
