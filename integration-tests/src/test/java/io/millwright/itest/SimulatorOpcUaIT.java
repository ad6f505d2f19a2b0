package io.millwright.itest;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The simulated plant's OPC UA face in the distribution: Milo (wrapped, see the millwright-milo
 * feature) serves a simulated machine's folder, and a Milo client reads its counter rising.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SimulatorOpcUaIT extends MillwrightTestSupport {

    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return distribution();
    }

    @Test
    public void aSimulatedMachineIsServedOverOpcUa() throws Exception {
        installFeature("millwright-simulator-opcua");
        int port = freePort();
        Map<String, String> sim = new LinkedHashMap<>();
        sim.put("id", "uasim");
        sim.put("seed", "11");
        sim.put("cycleTimeMs", "50");
        sim.put("faultsPerHour", "0");
        sim.put("minorStopsPerHour", "0");
        sim.put("starvationsPerHour", "0");
        sim.put("modbus.enabled", "false");
        Map<String, String> face = new LinkedHashMap<>();
        face.put("port", Integer.toString(port));
        String url = "opc.tcp://127.0.0.1:" + port;
        try {
            editConfigurationFile("io.millwright.simulator-uasim.cfg", sim);
            editConfigurationFile("io.millwright.simulator.opcua.cfg", face);
            await("the OPC UA server is up", () -> runAsViewer("millwright:sim-machines").output
                    .matches("(?s).*OPC UA server .*" + port + ".*: up.*"));
            AtomicReference<Object> first = new AtomicReference<>();
            await("uasim/TotalCount readable over OPC UA", () -> {
                first.set(read(url, "uasim/TotalCount"));
                return first.get() instanceof Number;
            });
            await("uasim/TotalCount rises", () -> read(url, "uasim/TotalCount") instanceof Number n
                    && n.longValue() > ((Number) first.get()).longValue());
            Object running = read(url, "uasim/Running");
            assertTrue("Running is a boolean: " + running, running instanceof Boolean);
        } finally {
            deleteConfigurationFile("io.millwright.simulator.opcua.cfg");
            deleteConfigurationFile("io.millwright.simulator-uasim.cfg");
        }
    }

    private static Object read(String url, String identifier) {
        try {
            return UaProbeClient.read(url, identifier);
        } catch (Exception e) {
            throw new IllegalStateException("reading " + identifier + " at " + url + ": " + e, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
