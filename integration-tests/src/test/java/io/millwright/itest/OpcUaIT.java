package io.millwright.itest;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("id", "uapress-m");
        machine.put("site", "itest");
        machine.put("line", "UA");
        machine.put("running", "uadev/running");
        machine.put("faultCode", "uadev/fault");
        machine.put("totalCount", "uadev/total");
        machine.put("idealCycleTime", "0.1");
        machine.put("stalenessTimeout", "30");
        try {
            editConfigurationFile("io.millwright.simulator-uapress.cfg", sim);
            editConfigurationFile("io.millwright.simulator.opcua.cfg", face);
            editConfigurationFile("io.millwright.driver.opcua-uadev.cfg", device);
            editConfigurationFile("io.millwright.machine-uapress-m.cfg", machine);

            await("uadev subscribed: total GOOD, the missing node BAD by its status name", () -> {
                String out = runAsViewer("millwright:device uadev").output;
                return out.contains("DEGRADED") && line(out, "total").contains("GOOD")
                        && line(out, "ghost").contains("Bad_NodeIdUnknown");
            });
            // report by exception: the steady Running=true arrives once, and still makes the machine RUNNING
            await("uapress-m RUNNING from the OPC UA samples", () ->
                    line(runAsViewer("millwright:machines").output, "uapress-m").contains("RUNNING"));
            String browse = runAsViewer("millwright:opcua-browse uadev \"ns=2;s=uapress\"").ok();
            assertTrue(browse, browse.contains("ns=2;s=uapress/TotalCount"));
            String status = line(runAsViewer("millwright:opcua-status").ok(), "uadev");
            assertTrue(status, status.contains("Active") && status.contains("None, None"));

            runAsAdmin("millwright:sim-opcua down").ok();
            await("uadev OFFLINE while the server is away", () ->
                    line(runAsViewer("millwright:devices").output, "uadev").contains("OFFLINE"));
            runAsAdmin("millwright:sim-opcua up").ok();
            await("uadev back by itself", () ->
                    line(runAsViewer("millwright:devices").output, "uadev").contains("DEGRADED"));
        } finally {
            deleteConfigurationFile("io.millwright.machine-uapress-m.cfg");
            deleteConfigurationFile("io.millwright.driver.opcua-uadev.cfg");
            deleteConfigurationFile("io.millwright.simulator.opcua.cfg");
            deleteConfigurationFile("io.millwright.simulator-uapress.cfg");
        }
    }

    @Test
    public void anUntrustedServerIsRefusedUntilTrustedThenSignAndEncryptWithAUserWorks() throws Exception {
        installFeature("millwright-simulator-opcua");
        installFeature("millwright-driver-opcua");
        int port = UnpackedDistribution.freePort();
        String password = "pw-" + Long.toHexString(System.nanoTime());
        Map<String, String> sim = new LinkedHashMap<>();
        sim.put("id", "uasec");
        sim.put("cycleTimeMs", "100");
        sim.put("modbus.enabled", "false");
        Map<String, String> face = new LinkedHashMap<>();
        face.put("port", Integer.toString(port));
        face.put("allowAnonymous", "false");
        face.put("user", "operator");
        face.put("password", password);
        Map<String, String> device = new LinkedHashMap<>();
        device.put("id", "uasecdev");
        device.put("endpointUrl", "opc.tcp://127.0.0.1:" + port);
        device.put("securityPolicy", "Basic256Sha256");
        device.put("securityMode", "SignAndEncrypt");
        device.put("identity", "username");
        device.put("username", "operator");
        device.put("password", password);
        device.put("publishingInterval", "200");
        device.put("tag.total", "ns=2;s=uasec/TotalCount long");
        try {
            editConfigurationFile("io.millwright.simulator-uasec.cfg", sim);
            editConfigurationFile("io.millwright.simulator.opcua.cfg", face);
            editConfigurationFile("io.millwright.driver.opcua-uasecdev.cfg", device);

            await("uasecdev refuses the unknown server certificate", () -> {
                String out = runAsViewer("millwright:device uasecdev").output;
                return out.contains("OFFLINE") && out.contains("opcua-certs --trust");
            });
            String certs = runAsViewer("millwright:opcua-certs").ok();
            String rejected = line(certs, "rejected");
            assertTrue(certs, rejected.contains("Millwright simulator"));
            String thumbprint = rejected.trim().split("\\s+")[1];

            assertTrue(runAsViewer("millwright:opcua-certs --trust " + thumbprint).failed());
            runAsAdmin("millwright:opcua-certs --trust " + thumbprint).ok();
            await("uasecdev ONLINE over Basic256Sha256 SignAndEncrypt as operator", () -> {
                String out = runAsViewer("millwright:device uasecdev").output;
                return out.contains("ONLINE") && line(out, "total").contains("GOOD");
            });
            assertTrue(line(runAsViewer("millwright:opcua-certs").ok(), thumbprint).contains("trusted"));

            Path log = Paths.get(System.getProperty("karaf.log"), "karaf.log");
            assertFalse("the password is never logged", Files.readString(log).contains(password));
        } finally {
            deleteConfigurationFile("io.millwright.driver.opcua-uasecdev.cfg");
            deleteConfigurationFile("io.millwright.simulator.opcua.cfg");
            deleteConfigurationFile("io.millwright.simulator-uasec.cfg");
        }
    }
}
