package io.millwright.driver.modbus.internal.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.api.device.DeviceStatus;
import io.millwright.api.device.TagStatus;
import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.api.sample.SampleSink;
import io.millwright.driver.modbus.internal.TestSlave;
import io.millwright.driver.modbus.internal.codec.RegisterEncoder;
import io.millwright.driver.modbus.internal.config.Area;
import io.millwright.driver.modbus.internal.config.DeviceConfigParser;
import io.millwright.driver.modbus.internal.config.DeviceSettings;
import io.millwright.driver.modbus.internal.config.Endianness;
import io.millwright.driver.modbus.internal.config.RegisterOrder;
import io.millwright.driver.support.testing.Await;
import io.millwright.driver.support.testing.RecordingSink;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModbusDeviceTest {

    private static final long WAIT_MS = 10_000;

    private final RecordingSink sink = new RecordingSink();
    private final List<DeviceStatus> statusEvents = new CopyOnWriteArrayList<>();

    private static Map<String, Object> config(int port, String... pairs) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", "dev1");
        p.put("host", "127.0.0.1");
        p.put("port", String.valueOf(port));
        p.put("pollInterval", "50");
        p.put("timeout", "500");
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    private ModbusDevice device(Map<String, Object> config) throws Exception {
        DeviceSettings settings = new DeviceConfigParser(Path.of(".")).parse(config);
        List<SampleSink> sinks = List.of(sink);
        return new ModbusDevice(settings, () -> sinks, statusEvents::add);
    }

    private void awaitGood(ModbusDevice d, String... tags) {
        Await.until("good samples for " + List.of(tags), WAIT_MS, () -> {
            for (String t : tags) {
                Sample s = sink.get(t);
                if (s == null || !s.isGood()) {
                    return false;
                }
            }
            return true;
        }, () -> sink.latest.toString() + " " + d.status() + " " + d.statusDetail());
    }

    @ParameterizedTest(name = "byteOrder={0} wordOrder={1}")
    @CsvSource({"big, big", "big, little", "little, big", "little, little"})
    void everyTagTypeIsReadInEveryOrder(String byteOrder, String wordOrder) throws Exception {
        try (TestSlave slave = TestSlave.start(1, 100)) {
            Map<String, Object> c = config(slave.port, "byteOrder", byteOrder, "wordOrder", wordOrder,
                    "tag.i16", "holding 0 int16",
                    "tag.u16", "holding 1 uint16",
                    "tag.i32", "holding 2 int32",
                    "tag.u32", "holding 4 uint32 scale=0.1 offset=1",
                    "tag.f32", "holding 6 float32",
                    "tag.f64", "holding 8 float64",
                    "tag.txt", "holding 12 string(4)",
                    "tag.flag", "holding 16 bool",
                    "tag.in", "input 3 int16",
                    "tag.coil", "coil 5 bool",
                    "tag.disc", "discrete 7");
            ModbusDevice d = device(c);
            // the tags take the device's order: encoding with them lays the registers out as the device does
            DeviceSettings s = d.settings();
            assertThat(s.tags()).allSatisfy(t -> assertThat(t.order())
                    .isEqualTo(RegisterOrder.of(Endianness.parse(byteOrder), Endianness.parse(wordOrder))));
            slave.setHolding(0, RegisterEncoder.encode(s.tag("i16"), "-1234"));
            slave.setHolding(1, RegisterEncoder.encode(s.tag("u16"), "65000"));
            slave.setHolding(2, RegisterEncoder.encode(s.tag("i32"), "-123456789"));
            slave.setHolding(4, RegisterEncoder.encode(s.tag("u32"), "400000001"));
            slave.setHolding(6, RegisterEncoder.encode(s.tag("f32"), "-2.5"));
            slave.setHolding(8, RegisterEncoder.encode(s.tag("f64"), "3.141592653589793"));
            slave.setHolding(12, RegisterEncoder.encode(s.tag("txt"), "SKU-42"));
            slave.setHolding(16, 1);
            slave.setInput(3, RegisterEncoder.encode(s.tag("in"), "-7"));
            slave.setCoil(5, true);
            slave.setDiscrete(7, true);
            d.start();
            try {
                awaitGood(d, "i16", "u16", "i32", "u32", "f32", "f64", "txt", "flag", "in", "coil", "disc");
                assertThat(sink.get("i16").asLong()).isEqualTo(-1234);
                assertThat(sink.get("u16").asLong()).isEqualTo(65000);
                assertThat(sink.get("i32").asLong()).isEqualTo(-123456789);
                assertThat(sink.get("u32").asDouble()).isCloseTo(400000001, org.assertj.core.data.Offset.offset(1e-3));
                assertThat(sink.get("f32").asDouble()).isEqualTo(-2.5);
                assertThat(sink.get("f64").asDouble()).isEqualTo(3.141592653589793);
                assertThat(sink.get("txt").asString()).isEqualTo("SKU-42");
                assertThat(sink.get("flag").asBoolean()).isTrue();
                assertThat(sink.get("in").asLong()).isEqualTo(-7);
                assertThat(sink.get("coil").asBoolean()).isTrue();
                assertThat(sink.get("disc").asBoolean()).isTrue();
                Await.until("ONLINE", WAIT_MS, () -> d.status() == DeviceStatus.ONLINE);
                assertThat(d.statusDetail()).isEmpty();
                assertThat(d.tags()).extracting(TagStatus::name).containsExactly("coil", "disc", "f32", "f64", "flag",
                        "i16", "i32", "in", "txt", "u16", "u32");
                assertThat(d.tags()).allSatisfy(t -> assertThat(t.lastSample()).isPresent());
                assertThat(d.lastRoundTrip()).isPresent();
                assertThat(d.readCount()).isPositive();
            } finally {
                d.stop();
            }
        }
    }

    @Test
    void eachTagIsReadInItsOwnOrderFromTheSameRequest() throws Exception {
        try (TestSlave slave = TestSlave.start(1, 20)) {
            // 123.456f is 0x42F6E979 and 305419896 is 0x12345678; each pair decodes to them only in its own order
            slave.setHolding(0, 0x42F6, 0xE979);
            slave.setHolding(2, 0xE979, 0x42F6);
            slave.setHolding(4, 0x1234, 0x5678);
            slave.setHolding(6, 0x3412, 0x7856);
            ModbusDevice d = device(config(slave.port, "byteOrder", "big", "wordOrder", "big",
                    "tag.flow", "holding 0 float32",
                    "tag.level", "holding 2 float32 wordOrder=little",
                    "tag.total", "holding 4 uint32",
                    "tag.count", "holding 6 uint32 byteOrder=little"));
            // an order changes how registers are decoded, not which are read
            assertThat(d.plan()).singleElement().satisfies(b -> {
                assertThat(b.start()).isZero();
                assertThat(b.count()).isEqualTo(8);
            });
            d.start();
            try {
                awaitGood(d, "flow", "level", "total", "count");
                assertThat(sink.get("flow").asDouble()).isEqualTo(123.456f);
                assertThat(sink.get("level").asDouble()).isEqualTo(123.456f);
                assertThat(sink.get("total").asLong()).isEqualTo(305419896L);
                assertThat(sink.get("count").asLong()).isEqualTo(305419896L);
                assertThat(d.tags()).extracting(TagStatus::address).containsExactlyInAnyOrder("holding 0 float32",
                        "holding 2 float32 wordOrder=little", "holding 4 uint32", "holding 6 uint32 byteOrder=little");
            } finally {
                d.stop();
            }
        }
    }

    @Test
    void tagsAreCoalescedIntoFewRequestsAndEveryValueIsDeliveredEveryPoll() throws Exception {
        try (TestSlave slave = TestSlave.start(1, 300)) {
            Map<String, Object> c = config(slave.port, "maxGap", "10");
            for (int i = 0; i < 40; i++) {
                c.put("tag.h" + i, "holding " + (i * 2) + " float32");
            }
            c.put("tag.far", "holding 200 uint16");
            c.put("tag.c1", "coil 0");
            c.put("tag.c2", "coil 100");
            ModbusDevice d = device(c);
            // 80 registers + a far one, two coils within 10 registers' worth of bits
            assertThat(d.plan()).hasSize(3);
            d.start();
            try {
                Await.until("several polls", WAIT_MS, () -> sink.batches.get() >= 5);
                slave.image.resetCounts();
                int batchesBefore = sink.batches.get();
                Await.until("ten more polls", WAIT_MS, () -> sink.batches.get() >= batchesBefore + 10);
                int polls = sink.batches.get() - batchesBefore;
                int requests = slave.image.totalReads();
                // 3 requests per poll (one poll may be half counted at each end)
                assertThat(requests).isBetween(3 * polls - 3, 3 * polls + 3);
                assertThat(sink.lastBatchSize).isEqualTo(43);
            } finally {
                d.stop();
            }
        }
    }

    @Test
    void aModbusExceptionMarksOnlyTheAffectedTagsBadAndTheRestKeepFlowing() throws Exception {
        try (TestSlave slave = TestSlave.start(1, 20)) {
            // registers 0..19 exist: 'ghost' at 20 makes the coalesced request fail with exception 2
            Map<String, Object> c = config(slave.port, "maxGap", "20", "tag.a", "holding 0 uint16", "tag.b", "holding 19 uint16",
                    "tag.ghost", "holding 20 uint16", "tag.ghost2", "holding 25 float32");
            slave.setHolding(0, 11);
            slave.setHolding(19, 22);
            ModbusDevice d = device(c);
            assertThat(d.plan()).hasSize(1);
            d.start();
            try {
                Await.until("DEGRADED", WAIT_MS, () -> d.status() == DeviceStatus.DEGRADED);
                awaitGood(d, "a", "b");
                Await.until("ghost BAD", WAIT_MS, () -> sink.get("ghost") != null && sink.get("ghost2") != null);
                assertThat(sink.get("a").asLong()).isEqualTo(11);
                assertThat(sink.get("b").asLong()).isEqualTo(22);
                assertThat(sink.get("ghost").quality()).isEqualTo(Quality.BAD);
                assertThat(sink.get("ghost").qualityReason()).contains("Modbus exception 2").contains("holding 20 uint16");
                assertThat(sink.get("ghost2").qualityReason()).contains("Modbus exception 2").contains("holding 25 float32");
                assertThat(d.statusDetail()).contains("2 of 4 tags BAD").contains("ghost");
                // re-planned around the bad tags: the good ones in one request, no more exceptions per poll
                assertThat(d.plan()).singleElement().satisfies(b -> assertThat(b.tags()).containsExactly(0, 1));
                long errors = d.errorCount();
                int batches = sink.batches.get();
                Await.until("more polls", WAIT_MS, () -> sink.batches.get() >= batches + 5);
                assertThat(d.errorCount()).isEqualTo(errors);
                assertThat(sink.get("ghost").quality()).isEqualTo(Quality.BAD);
                assertThat(d.status()).isEqualTo(DeviceStatus.DEGRADED);
            } finally {
                d.stop();
            }
        }
    }

    @Test
    void aPeerThatGoesAwayIsOfflineWithinTwoIntervalsAndOnlineAgainWhenItReturns() throws Exception {
        int threadsBefore = -1;
        try (TestSlave slave = TestSlave.start(1, 10)) {
            slave.setHolding(0, 7);
            ModbusDevice d = device(config(slave.port, "pollInterval", "100", "timeout", "200", "reconnectMaxDelay", "400",
                    "tag.a", "holding 0 uint16", "tag.b", "coil 1"));
            d.start();
            try {
                Await.until("ONLINE", WAIT_MS, () -> d.status() == DeviceStatus.ONLINE);
                threadsBefore = Thread.activeCount();
                long pollsAtLoss = d.polls();
                slave.close();
                Await.until("OFFLINE", WAIT_MS, () -> d.status() == DeviceStatus.OFFLINE);
                // polls are counted, not timed: the loss is seen by the second poll after it at the latest
                assertThat(d.polls() - pollsAtLoss).isLessThanOrEqualTo(2);
                Await.until("BAD samples", WAIT_MS, () -> sink.get("a").quality() == Quality.BAD && sink.get("b").quality() == Quality.BAD);
                assertThat(sink.get("a").qualityReason()).contains("127.0.0.1:" + slave.port);
                assertThat(d.statusDetail()).contains("127.0.0.1:" + slave.port);

                // several failed reconnects, then the peer comes back on the same port
                long errors = d.errorCount();
                Await.until("reconnect attempts", WAIT_MS, () -> d.errorCount() >= errors + 2);
                slave.setHolding(0, 8);
                slave.open();
                Await.until("ONLINE again", WAIT_MS, () -> d.status() == DeviceStatus.ONLINE);
                Await.until("the new value", WAIT_MS, () -> sink.get("a").isGood() && sink.get("a").asLong() == 8);
                assertThat(d.reconnectCount()).isPositive();
                assertThat(statusEvents).containsSubsequence(DeviceStatus.ONLINE, DeviceStatus.OFFLINE, DeviceStatus.ONLINE);
                assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 4);
                assertThat(threadsNamed("millwright-modbus-dev1")).isEqualTo(1);
            } finally {
                d.stop();
            }
        }
        assertThat(threadsNamed("millwright-modbus-dev1")).isZero();
    }

    @Test
    void anUnreachablePeerNeverBlocksStartAndIsOfflineWithTheReason() throws Exception {
        int port = TestSlave.freePort();
        ModbusDevice d = device(config(port, "tag.a", "holding 0 uint16"));
        long started = System.nanoTime();
        d.start();
        try {
            assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
            Await.until("OFFLINE", WAIT_MS, () -> d.status() == DeviceStatus.OFFLINE);
            assertThat(d.statusDetail()).contains("cannot connect to 127.0.0.1:" + port);
            Await.until("a BAD sample", WAIT_MS, () -> sink.get("a") != null);
            assertThat(sink.get("a").quality()).isEqualTo(Quality.BAD);
        } finally {
            d.stop();
        }
    }

    @Test
    void aSlowSinkCausesCountedOverrunsNotAQueue() throws Exception {
        try (TestSlave slave = TestSlave.start(1, 10)) {
            ModbusDevice d = device(config(slave.port, "pollInterval", "20", "tag.a", "holding 0 uint16"));
            sink.delayMs = 50;
            d.start();
            try {
                Await.until("overruns", WAIT_MS, () -> d.overruns() >= 3);
                long polls = d.polls();
                long batches = sink.batches.get();
                // every poll delivered synchronously: nothing waits in a queue
                assertThat(batches).isBetween(polls - 1, polls);
                assertThat(d.statusDetail()).contains("overruns").contains("interval 20 ms");
            } finally {
                d.stop();
            }
        }
    }

    @Test
    void writesAreRefusedUnlessTheDeviceIsWritable() throws Exception {
        try (TestSlave slave = TestSlave.start(1, 10)) {
            ModbusDevice readOnly = device(config(slave.port, "tag.sp", "holding 3 int16", "tag.run", "coil 2"));
            readOnly.start();
            try {
                Await.until("ONLINE", WAIT_MS, () -> readOnly.status() == DeviceStatus.ONLINE);
                assertThatThrownBy(() -> readOnly.write("sp", "12")).isInstanceOf(WriteRefusedException.class)
                        .hasMessageContaining("dev1 is read-only").hasMessageContaining("writable=true");
                assertThat(slave.holding(3)).isZero();
            } finally {
                readOnly.stop();
            }
        }
    }

    @Test
    void aWritableDeviceWritesScaledValuesAndCoilsButNotReadOnlyAreas() throws Exception {
        try (TestSlave slave = TestSlave.start(1, 10)) {
            ModbusDevice d = device(config(slave.port, "writable", "true", "tag.sp", "holding 3 int16 scale=0.1",
                    "tag.run", "coil 2", "tag.in", "input 1"));
            d.start();
            try {
                Await.until("ONLINE", WAIT_MS, () -> d.status() == DeviceStatus.ONLINE);
                d.write("sp", "-1.5");
                d.write("run", "on");
                assertThat((short) slave.holding(3)).isEqualTo((short) -15);
                assertThat(slave.coil(2)).isTrue();
                assertThatThrownBy(() -> d.write("in", "1")).isInstanceOf(WriteRefusedException.class)
                        .hasMessageContaining("input");
                assertThatThrownBy(() -> d.write("nope", "1")).hasMessageContaining("no tag 'nope'");
                Await.until("the written value read back", WAIT_MS,
                        () -> sink.get("sp") != null && sink.get("sp").asDouble() == -1.5);
            } finally {
                d.stop();
            }
        }
    }

    @Test
    void writesLayOutTheRegistersInTheTagsOwnOrder() throws Exception {
        try (TestSlave slave = TestSlave.start(1, 10)) {
            ModbusDevice d = device(config(slave.port, "writable", "true",
                    "tag.sp", "holding 0 float32 wordOrder=little",
                    "tag.limit", "holding 2 float32",
                    "tag.count", "holding 4 uint32 byteOrder=little"));
            d.start();
            try {
                Await.until("ONLINE", WAIT_MS, () -> d.status() == DeviceStatus.ONLINE);
                d.write("sp", "123.456");
                d.write("limit", "123.456");
                d.write("count", "305419896");
                assertThat(new int[] {slave.holding(0), slave.holding(1)}).containsExactly(0xE979, 0x42F6);
                assertThat(new int[] {slave.holding(2), slave.holding(3)}).containsExactly(0x42F6, 0xE979);
                assertThat(new int[] {slave.holding(4), slave.holding(5)}).containsExactly(0x3412, 0x7856);
                Await.until("the written values read back", WAIT_MS, () -> sink.get("sp") != null
                        && sink.get("sp").asDouble() == 123.456f && sink.get("count").asLong() == 305419896L);
            } finally {
                d.stop();
            }
        }
    }

    @Test
    void aDiagnosticReadUsesTheDevicesLink() throws Exception {
        try (TestSlave slave = TestSlave.start(1, 10)) {
            slave.setHolding(4, 0xFFFE, 0x0102);
            slave.setCoil(1, true);
            ModbusDevice d = device(config(slave.port, "tag.a", "holding 0"));
            d.start();
            try {
                Await.until("ONLINE", WAIT_MS, () -> d.status() == DeviceStatus.ONLINE);
                RawValues raw = d.readRaw(Area.HOLDING, 4, 2);
                assertThat(raw.registers()).containsExactly(0xFFFE, 0x0102);
                assertThat(d.readRaw(Area.COIL, 0, 3).bits()).containsExactly(false, true, false);
                assertThatThrownBy(() -> d.readRaw(Area.HOLDING, 50, 1)).isInstanceOf(ModbusExceptionResponse.class)
                        .hasMessageContaining("Modbus exception 2");
            } finally {
                d.stop();
            }
        }
    }

    private static long threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive()).count();
    }
}
