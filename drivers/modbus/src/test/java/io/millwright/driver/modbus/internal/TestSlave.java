package io.millwright.driver.modbus.internal;

import com.ghgande.j2mod.modbus.procimg.DigitalIn;
import com.ghgande.j2mod.modbus.procimg.DigitalOut;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A j2mod Modbus TCP slave on a free loopback port with {@code size} of each kind of point,
 * counting the read requests it serves. j2mod keeps its slaves in static state keyed by port:
 * always close it (try-with-resources).
 */
public final class TestSlave implements AutoCloseable {

    /** Counts the requests that reach the process image (one range read per request). */
    public static final class CountingImage extends SimpleProcessImage {
        public final AtomicInteger registerReads = new AtomicInteger();
        public final AtomicInteger inputReads = new AtomicInteger();
        public final AtomicInteger coilReads = new AtomicInteger();
        public final AtomicInteger discreteReads = new AtomicInteger();

        CountingImage(int unitId) {
            super(unitId);
        }

        @Override
        public Register[] getRegisterRange(int offset, int count) {
            registerReads.incrementAndGet();
            return super.getRegisterRange(offset, count);
        }

        @Override
        public InputRegister[] getInputRegisterRange(int offset, int count) {
            inputReads.incrementAndGet();
            return super.getInputRegisterRange(offset, count);
        }

        @Override
        public DigitalOut[] getDigitalOutRange(int offset, int count) {
            coilReads.incrementAndGet();
            return super.getDigitalOutRange(offset, count);
        }

        @Override
        public DigitalIn[] getDigitalInRange(int offset, int count) {
            discreteReads.incrementAndGet();
            return super.getDigitalInRange(offset, count);
        }

        public int totalReads() {
            return registerReads.get() + inputReads.get() + coilReads.get() + discreteReads.get();
        }

        public void resetCounts() {
            registerReads.set(0);
            inputReads.set(0);
            coilReads.set(0);
            discreteReads.set(0);
        }
    }

    public final int port;
    public final CountingImage image;
    private ModbusSlave slave;

    private TestSlave(int port, CountingImage image) {
        this.port = port;
        this.image = image;
    }

    public static TestSlave start(int unitId, int size) throws Exception {
        return start(freePort(), unitId, size);
    }

    public static TestSlave start(int port, int unitId, int size) throws Exception {
        CountingImage image = new CountingImage(unitId);
        for (int i = 0; i < size; i++) {
            image.addRegister(new SimpleRegister(0));
            image.addInputRegister(new SimpleInputRegister(0));
            image.addDigitalOut(new SimpleDigitalOut(false));
            image.addDigitalIn(new SimpleDigitalIn(false));
        }
        TestSlave s = new TestSlave(port, image);
        s.open();
        return s;
    }

    /** Opens (again) on the same port with the same image. */
    public void open() throws Exception {
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false);
        slave.addProcessImage(image.getUnitID(), image);
        slave.open();
    }

    public void setHolding(int address, int... values) {
        for (int i = 0; i < values.length; i++) {
            image.getRegister(address + i).setValue(values[i]);
        }
    }

    public void setInput(int address, int... values) {
        for (int i = 0; i < values.length; i++) {
            ((SimpleInputRegister) image.getInputRegister(address + i)).setValue(values[i]);
        }
    }

    public void setCoil(int address, boolean value) {
        image.getDigitalOut(address).set(value);
    }

    public void setDiscrete(int address, boolean value) {
        ((SimpleDigitalIn) image.getDigitalIn(address)).set(value);
    }

    public int holding(int address) {
        return image.getRegister(address).getValue() & 0xFFFF;
    }

    public boolean coil(int address) {
        return image.getDigitalOut(address).isSet();
    }

    @Override
    public void close() {
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
            slave = null;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
