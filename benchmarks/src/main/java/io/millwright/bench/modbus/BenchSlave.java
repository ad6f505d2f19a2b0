package io.millwright.bench.modbus;

import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A j2mod TCP slave on a free loopback port with 1,000 holding registers holding their own address. */
final class BenchSlave implements AutoCloseable {

    final int port;
    private final ModbusSlave slave;

    BenchSlave(int handlerThreads) throws Exception {
        port = freePort();
        SimpleProcessImage image = new SimpleProcessImage(1);
        for (int i = 0; i < 1000; i++) {
            image.addRegister(new SimpleRegister(i));
        }
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, handlerThreads, false);
        slave.addProcessImage(1, image);
        slave.open();
    }

    @Override
    public void close() {
        ModbusSlaveFactory.close(slave);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
