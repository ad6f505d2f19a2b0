package io.millwright.itest;

import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A PLC for the Modbus tests: a j2mod slave on loopback with known values of every tag type, laid
 * out high word first from holding 0 and low word first from holding 40. Kept apart from the test
 * classes so that j2mod is loaded only once its bundle is installed (Pax Exam) or from the class
 * path (plain JUnit).
 */
final class PlcImage implements AutoCloseable {

    static final int REGISTERS = 64;

    final SimpleProcessImage image = new SimpleProcessImage(1);
    private final ModbusSlave slave;

    PlcImage(int port) throws Exception {
        for (int i = 0; i < REGISTERS; i++) {
            image.addRegister(new SimpleRegister(0));
            image.addDigitalOut(new SimpleDigitalOut(i == 0 || i == 5));
        }
        ByteBuffer big = ByteBuffer.allocate(32);
        big.putShort((short) -2).putShort((short) 0xFFFF).putInt(-100_000).putInt((int) 3_000_000_000L)
                .putFloat(12.5f).putDouble(1234.5678);
        big.put("PRESS-7\0".getBytes(StandardCharsets.US_ASCII));
        set(0, big.array(), false);
        ByteBuffer little = ByteBuffer.allocate(16);
        little.putInt(-100_000).putInt((int) 3_000_000_000L).putFloat(12.5f).putFloat(-0.25f);
        set(40, little.array(), true);
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false);
        slave.addProcessImage(1, image);
        slave.open();
    }

    /** Writes big-endian bytes as registers; {@code swapWords} swaps each pair of words (low word first). */
    private void set(int address, byte[] bytes, boolean swapWords) {
        int words = bytes.length / 2;
        for (int w = 0; w < words; w++) {
            int source = swapWords ? (w % 2 == 0 ? w + 1 : w - 1) : w;
            int value = ((bytes[2 * source] & 0xFF) << 8) | (bytes[2 * source + 1] & 0xFF);
            image.getRegister(address + w).setValue(value);
        }
    }

    @Override
    public void close() {
        ModbusSlaveFactory.close(slave);
    }
}
