package io.millwright.driver.modbus.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.api.device.DeviceStatus;
import io.millwright.api.sample.SampleSink;
import io.millwright.driver.modbus.internal.ModbusDevices;
import io.millwright.driver.modbus.internal.TestSlave;
import io.millwright.driver.modbus.internal.config.DeviceConfigParser;
import io.millwright.driver.modbus.internal.poll.ModbusDevice;
import io.millwright.driver.modbus.internal.poll.WriteRefusedException;
import io.millwright.driver.support.testing.Await;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModbusShellCommandsTest {

    private static ModbusDevice start(ModbusDevices devices, int port, boolean writable) throws Exception {
        ModbusDevice d = new ModbusDevice(new DeviceConfigParser(Path.of(".")).parse(Map.of("id", "press01", "host", "127.0.0.1",
                "port", String.valueOf(port), "pollInterval", "50", "writable", String.valueOf(writable),
                "tag.setpoint", "holding 2 uint16", "tag.speed", "holding 4 float32 wordOrder=little")), List::<SampleSink>of,
                s -> { });
        assertThat(devices.claim("press01", "pid")).isTrue();
        devices.started(d);
        d.start();
        Await.until("ONLINE", 10_000, () -> d.status() == DeviceStatus.ONLINE);
        return d;
    }

    @Test
    void modbusWriteIsRefusedWithAClearMessageUnlessWritable() throws Exception {
        ModbusDevices devices = new ModbusDevices();
        try (TestSlave slave = TestSlave.start(1, 10)) {
            ModbusDevice d = start(devices, slave.port, false);
            try {
                ModbusWriteCommand write = new ModbusWriteCommand();
                write.devices = devices;
                write.device = "press01";
                write.tag = "setpoint";
                write.value = "42";

                assertThatThrownBy(write::execute).isInstanceOf(WriteRefusedException.class)
                        .hasMessage("device press01 is read-only: writes need writable=true in its configuration");
                assertThat(slave.holding(2)).isZero();
            } finally {
                d.stop();
            }
        }
    }

    @Test
    void modbusWriteWritesWhenWritable() throws Exception {
        ModbusDevices devices = new ModbusDevices();
        try (TestSlave slave = TestSlave.start(1, 10)) {
            ModbusDevice d = start(devices, slave.port, true);
            try {
                ModbusWriteCommand write = new ModbusWriteCommand();
                write.devices = devices;
                write.device = "press01";
                write.tag = "setpoint";
                write.value = "42";

                assertThat(write.run()).isEqualTo("Wrote 42 to press01/setpoint (holding 2 uint16)");
                assertThat(slave.holding(2)).isEqualTo(42);
            } finally {
                d.stop();
            }
        }
    }

    @Test
    void modbusWriteNamesATagsOwnOrderAndWritesInIt() throws Exception {
        ModbusDevices devices = new ModbusDevices();
        try (TestSlave slave = TestSlave.start(1, 10)) {
            ModbusDevice d = start(devices, slave.port, true);
            try {
                ModbusWriteCommand write = new ModbusWriteCommand();
                write.devices = devices;
                write.device = "press01";
                write.tag = "speed";
                write.value = "123.456";

                assertThat(write.run()).isEqualTo("Wrote 123.456 to press01/speed (holding 4 float32 wordOrder=little)");
                // 123.456f is 0x42F6E979, low word first
                assertThat(slave.holding(4)).isEqualTo(0xE979);
                assertThat(slave.holding(5)).isEqualTo(0x42F6);
            } finally {
                d.stop();
            }
        }
    }

    @Test
    void modbusReadPrintsAddressHexInt16AndUint16() throws Exception {
        ModbusDevices devices = new ModbusDevices();
        try (TestSlave slave = TestSlave.start(1, 10)) {
            slave.setHolding(4, 0xFFFE, 0x0102);
            ModbusDevice d = start(devices, slave.port, false);
            try {
                ModbusReadCommand read = new ModbusReadCommand();
                read.devices = devices;
                read.device = "press01";
                read.area = "holding";
                read.address = 4;
                read.count = 2;

                String out = read.run();

                assertThat(out).contains("press01 holding 4 count 2");
                assertThat(out).containsPattern("4\\s+0xFFFE\\s+-2\\s+65534");
                assertThat(out).containsPattern("5\\s+0x0102\\s+258\\s+258");

                read.device = "nope";
                assertThatThrownBy(read::execute).hasMessageContaining("no Modbus device 'nope'");
            } finally {
                d.stop();
            }
        }
    }
}
