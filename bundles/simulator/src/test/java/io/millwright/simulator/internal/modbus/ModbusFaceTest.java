package io.millwright.simulator.internal.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import io.millwright.api.simulation.ControllerStatus;
import io.millwright.api.simulation.MachineSnapshot;
import io.millwright.api.simulation.StopCause;
import io.millwright.simulator.internal.Poll;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModbusFaceTest {

    private static final int UNIT = 7;

    private final List<ModbusFace> faces = new ArrayList<>();
    private final List<ModbusTCPMaster> masters = new ArrayList<>();
    private int port;

    @BeforeEach
    void freePort() throws IOException {
        port = Poll.freePort();
    }

    @AfterEach
    void closeAll() {
        masters.forEach(ModbusTCPMaster::disconnect);
        faces.forEach(ModbusFace::stop);
    }

    @Test
    void servesTheRegisterMapInEveryArea() throws Exception {
        ModbusFace face = face("press01", port);
        face.publish(new MachineSnapshot(0, ControllerStatus.DOWN, StopCause.FAULT, 17, 0x1234_5678L, 0xFFFF_FFFEL,
                0, false));
        face.start();
        ModbusTCPMaster master = master(port);

        Register[] holding = master.readMultipleRegisters(UNIT, 0, 10);
        assertThat(values(holding)).containsExactly(3, 17, 0x1234, 0x5678, 0xFFFF, 0xFFFE, 0, 4, 0, 0);
        assertThat(values(master.readInputRegisters(UNIT, 0, 10))).containsExactly(values(holding));
        assertThat(bits(master.readCoils(UNIT, 0, 2))).containsExactly(false, true);
        assertThat(bits(master.readInputDiscretes(UNIT, 0, 2))).containsExactly(false, true);

        face.publish(new MachineSnapshot(0, ControllerStatus.RUNNING, StopCause.NONE, 0, 70_000, 3, 20.5, false));
        Register[] running = master.readMultipleRegisters(UNIT, 0, 10);
        assertThat(values(running)).startsWith(1, 0, 1, 70_000 - 65_536, 0, 3, 21, 0);
        int floatBits = running[8].getValue() << 16 | running[9].getValue();
        assertThat(Float.intBitsToFloat(floatBits)).isEqualTo(20.5f);
        assertThat(bits(master.readCoils(UNIT, 0, 2))).containsExactly(true, false);
    }

    @Test
    void readsOutsideTheMapAndWritesAreRefusedWithException2() throws Exception {
        ModbusFace face = face("press01", port);
        face.start();
        ModbusTCPMaster master = master(port);

        assertThatThrownBy(() -> master.readMultipleRegisters(UNIT, 9, 2)).isInstanceOfSatisfying(
                ModbusSlaveException.class, e -> assertThat(e.getType()).isEqualTo(2));
        assertThatThrownBy(() -> master.readCoils(UNIT, 2, 1)).isInstanceOfSatisfying(
                ModbusSlaveException.class, e -> assertThat(e.getType()).isEqualTo(2));
        assertThatThrownBy(() -> master.writeSingleRegister(UNIT, 0, new SimpleRegister(5))).isInstanceOfSatisfying(
                ModbusSlaveException.class, e -> assertThat(e.getType()).isEqualTo(2));
        assertThat(master.readMultipleRegisters(UNIT, 0, 1)[0].getValue()).isZero();
    }

    @Test
    void aCounterIsNeverReadHalfUpdated() throws Exception {
        ModbusFace face = face("press01", port);
        face.start();
        AtomicBoolean publishing = new AtomicBoolean(true);
        // the first image read must already be one of the publisher's, not the face's initial one
        face.publish(new MachineSnapshot(0, ControllerStatus.RUNNING, StopCause.NONE, 0, 0, 0xFFFFL << 16 | 0xFFFF, 60,
                false));
        // each value has equal high and low words: a torn read would show two different words
        Thread publisher = new Thread(() -> {
            for (long k = 0; publishing.get(); k = (k + 1) & 0xFFFF) {
                face.publish(new MachineSnapshot(0, ControllerStatus.RUNNING, StopCause.NONE, 0, k << 16 | k,
                        (0xFFFF - k) << 16 | (0xFFFF - k), 60, false));
            }
        }, "test-publisher");
        publisher.start();
        try {
            ModbusTCPMaster master = master(port);
            int distinct = 0;
            int previous = -1;
            // read until the values have changed under the reader many times; every read must be whole
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            for (int i = 0; distinct < 300; i++) {
                assertThat(System.nanoTime()).as("300 changes seen within 20 s").isLessThan(deadline);
                int[] w = values(master.readMultipleRegisters(UNIT, 2, 4));
                assertThat(w[0]).as("total words, read %d", i).isEqualTo(w[1]);
                assertThat(w[2]).as("reject words, read %d", i).isEqualTo(w[3]);
                assertThat(w[2]).as("total and reject from one image").isEqualTo(0xFFFF - w[0]);
                distinct += w[0] != previous ? 1 : 0;
                previous = w[0];
            }
        } finally {
            publishing.set(false);
            publisher.join();
        }
    }

    @Test
    void thePeerGoesDownAndComesBackOnTheSamePort() throws Exception {
        ModbusFace face = face("press01", port);
        face.publish(new MachineSnapshot(0, ControllerStatus.RUNNING, StopCause.NONE, 0, 42, 1, 30, false));
        face.start();
        ModbusTCPMaster connected = master(port);
        assertThat(connected.readMultipleRegisters(UNIT, 3, 1)[0].getValue()).isEqualTo(42);

        face.stop();

        assertThat(face.isUp()).isFalse();
        assertThatThrownBy(() -> new ModbusTCPMaster("127.0.0.1", port, 500, false).connect())
                .as("no listener after down").isInstanceOf(Exception.class);
        assertThatThrownBy(() -> connected.readMultipleRegisters(UNIT, 3, 1))
                .as("a connected client loses the link").isInstanceOf(Exception.class);

        face.publish(new MachineSnapshot(0, ControllerStatus.RUNNING, StopCause.NONE, 0, 43, 1, 30, false));
        face.start();

        assertThat(face.isUp()).isTrue();
        ModbusTCPMaster again = master(port);
        assertThat(again.readMultipleRegisters(UNIT, 3, 1)[0].getValue()).isEqualTo(43);
        for (int cycle = 0; cycle < 3; cycle++) {
            face.stop();
            face.start();
        }
        assertThat(master(port).readMultipleRegisters(UNIT, 3, 1)[0].getValue()).isEqualTo(43);
    }

    @Test
    void aSecondServerOnATakenPortIsRefusedByName() throws Exception {
        ModbusFace first = face("press01", port);
        first.start();
        ModbusFace second = face("press02", port);

        assertThatThrownBy(second::start).isInstanceOf(IOException.class)
                .hasMessageContaining("simulator press02").hasMessageContaining("modbus.port " + port);
        assertThat(second.isUp()).isFalse();
        assertThat(second.problem()).contains("modbus.port");
        assertThat(master(port).readMultipleRegisters(UNIT, 0, 1)).hasSize(1);
    }

    @Test
    void aPortHeldOutsideJ2modIsReportedAndLeavesNoSlaveBehind() throws Exception {
        ModbusFace face = face("press01", port);
        try (java.net.ServerSocket squatter = new java.net.ServerSocket(port, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(face::start).isInstanceOf(IOException.class)
                    .hasMessageContaining("simulator press01").hasMessageContaining(String.valueOf(port));
        }
        Poll.until("the port is free again", Duration.ofSeconds(5), () -> {
            try {
                face.start();
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(master(port).readMultipleRegisters(UNIT, 0, 1)).hasSize(1);
    }

    private ModbusFace face(String id, int onPort) {
        ModbusFace face = new ModbusFace(id, new ModbusEndpoint("127.0.0.1", onPort, UNIT, 4));
        faces.add(face);
        return face;
    }

    private ModbusTCPMaster master(int onPort) throws Exception {
        ModbusTCPMaster master = new ModbusTCPMaster("127.0.0.1", onPort, 2000, false);
        master.setRetries(0);
        master.connect();
        masters.add(master);
        return master;
    }

    private static int[] values(InputRegister[] registers) {
        int[] v = new int[registers.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = registers[i].getValue();
        }
        return v;
    }

    private static Boolean[] bits(BitVector vector) {
        Boolean[] b = new Boolean[vector.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = vector.getBit(i);
        }
        return b;
    }
}
