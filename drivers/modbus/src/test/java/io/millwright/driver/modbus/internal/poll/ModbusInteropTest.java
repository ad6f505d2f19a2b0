package io.millwright.driver.modbus.internal.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.millwright.api.device.DeviceStatus;
import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import io.millwright.driver.modbus.internal.TestSlave;
import io.millwright.driver.modbus.internal.config.DeviceConfigParser;
import io.millwright.driver.support.testing.Await;
import io.millwright.driver.support.testing.RecordingSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The driver against a Modbus server that is not j2mod: modbus-serial 8.0.25's ServerTCP under
 * node (src/test/interop/modbus-server.js), installed with npm into target/interop. Runs only
 * with {@code -Pinterop}.
 */
@Tag("interop")
class ModbusInteropTest {

    private static final String PACKAGE = "modbus-serial@8.0.25";
    private static final long WAIT_MS = 15_000;
    private static Process server;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        Path dir = Path.of(System.getProperty("modbus.interop.dir", "target/interop")).toAbsolutePath();
        Path script = Path.of(System.getProperty("modbus.interop.script", "src/test/interop/modbus-server.js")).toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("node_modules/modbus-serial"))) {
            Files.createDirectories(dir);
            Process npm = new ProcessBuilder("npm", "install", "--prefix", dir.toString(), PACKAGE, "--no-audit", "--no-fund")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("npm-install.log").toFile()).start();
            assertThat(npm.waitFor(180, TimeUnit.SECONDS)).as("npm install " + PACKAGE + " finished").isTrue();
            assertThat(npm.exitValue()).as("npm install " + PACKAGE + ", see " + dir.resolve("npm-install.log")).isZero();
        }
        port = TestSlave.freePort();
        ProcessBuilder pb = new ProcessBuilder("node", script.toString(), String.valueOf(port)).redirectErrorStream(true);
        pb.environment().put("NODE_PATH", dir.resolve("node_modules").toString());
        server = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        Thread drain = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    System.out.println("[modbus-serial] " + line);
                }
            } catch (IOException e) {
                // the server ended
            }
        }, "modbus-serial-output");
        drain.setDaemon(true);
        drain.start();
        Await.until("modbus-serial listening on " + port, WAIT_MS, ModbusInteropTest::portOpen);
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static boolean portOpen() {
        if (!server.isAlive()) {
            throw new AssertionError("node modbus-server.js exited with " + server.exitValue());
        }
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private final RecordingSink sink = new RecordingSink();

    private ModbusDevice device(String... pairs) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("id", "interop");
        p.put("host", "127.0.0.1");
        p.put("port", String.valueOf(port));
        p.put("pollInterval", "100");
        p.put("timeout", "1000");
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        List<SampleSink> sinks = List.of(sink);
        return new ModbusDevice(new DeviceConfigParser(Path.of(".")).parse(p), () -> sinks, s -> { });
    }

    private void awaitSamples(ModbusDevice d, String... tags) {
        Await.until("samples for " + List.of(tags), WAIT_MS, () -> {
            for (String t : tags) {
                if (sink.get(t) == null) {
                    return false;
                }
            }
            return true;
        }, () -> d.status() + " " + d.statusDetail());
    }

    /** The server lays each order's values out at 20 * n with Node's Buffer (see modbus-server.js). */
    @ParameterizedTest(name = "byteOrder={0} wordOrder={1}")
    @CsvSource({"big, big, 0", "big, little, 20", "little, big, 40", "little, little, 60"})
    void everyTypeAndOrderDecodesAsNodeEncodedIt(String byteOrder, String wordOrder, int base) throws Exception {
        ModbusDevice d = device("byteOrder", byteOrder, "wordOrder", wordOrder,
                "tag.f32", "holding " + base + " float32",
                "tag.i32", "holding " + (base + 2) + " int32",
                "tag.u32", "holding " + (base + 4) + " uint32",
                "tag.f64", "holding " + (base + 6) + " float64",
                "tag.i16", "holding " + (base + 10) + " int16",
                "tag.u16", "holding " + (base + 11) + " uint16",
                "tag.txt", "holding " + (base + 12) + " string(4)",
                "tag.in", "input 0 int16",
                "tag.c0", "coil 0", "tag.c1", "coil 1", "tag.d3", "discrete 3");
        d.start();
        try {
            awaitSamples(d, "f32", "i32", "u32", "f64", "i16", "u16", "txt", "in", "c0", "c1", "d3");
            assertThat(sink.latest.values()).allMatch(Sample::isGood);
            assertThat(sink.get("f32").asDouble()).isEqualTo((double) 123.456f);
            assertThat(sink.get("i32").asLong()).isEqualTo(-123456789);
            assertThat(sink.get("u32").asLong()).isEqualTo(4_000_000_000L);
            assertThat(sink.get("f64").asDouble()).isEqualTo(Math.PI);
            // 16-bit values follow the byte order too
            assertThat(sink.get("i16").asLong()).isEqualTo(-1234);
            assertThat(sink.get("u16").asLong()).isEqualTo(65000);
            assertThat(sink.get("txt").asString()).isEqualTo("SKU-42");
            // 321 = 0x0141 as the server wrote it; a little byte order reads it as 0x4101
            assertThat(sink.get("in").asLong()).isEqualTo(byteOrder.equals("big") ? 321 : 0x4101);
            assertThat(sink.get("c0").asBoolean()).isTrue();
            assertThat(sink.get("c1").asBoolean()).isFalse();
            assertThat(sink.get("d3").asBoolean()).isTrue();
            assertThat(d.status()).isEqualTo(DeviceStatus.ONLINE);
            // all holding tags of one order fit one request
            assertThat(d.plan()).hasSize(4);
        } finally {
            d.stop();
        }
    }

    @Test
    void anUnmappedAddressIsBadWithExceptionTwoAndTheRestStayGood() throws Exception {
        ModbusDevice d = device("maxGap", "60", "tag.ok", "holding 50 int16", "tag.gone", "holding 105 uint16",
                "tag.far", "input 120 int16", "tag.in", "input 0 int16");
        d.start();
        try {
            Await.until("DEGRADED", WAIT_MS, () -> d.status() == DeviceStatus.DEGRADED, d::statusDetail);
            awaitSamples(d, "ok", "gone", "far", "in");
            Await.until("ok good", WAIT_MS, () -> sink.get("ok").isGood() && sink.get("in").isGood());
            assertThat(sink.get("gone").quality()).isEqualTo(Quality.BAD);
            assertThat(sink.get("gone").qualityReason()).contains("Modbus exception 2").contains("holding 105 uint16");
            assertThat(sink.get("far").qualityReason()).contains("Modbus exception 2");
            assertThat(sink.get("in").asLong()).isEqualTo(321);
        } finally {
            d.stop();
        }
    }

    @Test
    void writesReachTheServerWhenWritable() throws Exception {
        ModbusDevice d = device("writable", "true", "tag.sp", "holding 95 float32", "tag.run", "coil 9");
        d.start();
        try {
            Await.until("ONLINE", WAIT_MS, () -> d.status() == DeviceStatus.ONLINE, d::statusDetail);
            d.write("sp", "-42.25");
            d.write("run", "true");
            Await.until("written values read back", WAIT_MS, () -> sink.get("sp") != null && sink.get("sp").asDouble() == -42.25
                    && sink.get("run").asBoolean());
        } finally {
            d.stop();
        }
    }
}
