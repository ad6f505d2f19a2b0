package io.millwright.simulator.internal.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveType;
import io.millwright.api.simulation.MachineSnapshot;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One simulated machine as a Modbus TCP server (a j2mod slave) serving the register map. It can be
 * taken down and brought back on the same port, which is how tests make a peer go away.
 *
 * <p>j2mod's slave factory keeps every slave in a static map keyed by port alone, shared by every
 * bundle in the framework, and hands back the existing slave when asked for a port it knows. So a
 * second face on a taken port is refused rather than silently sharing the first one's slave, and a
 * stopped face always removes its slave from the map.
 */
public final class ModbusFace {

    private final String machineId;
    private final ModbusEndpoint endpoint;
    private final SnapshotProcessImage image = new SnapshotProcessImage();
    private ModbusSlave slave;
    private String problem = "";

    public ModbusFace(String machineId, ModbusEndpoint endpoint) {
        this.machineId = machineId;
        this.endpoint = endpoint;
    }

    /** Serves the latest published values from now on; nothing happens if already up. */
    public synchronized void start() throws IOException {
        if (slave != null) {
            return;
        }
        try {
            slave = open();
            problem = "";
        } catch (IOException e) {
            problem = e.getMessage();
            throw e;
        }
    }

    /** Closes the listening socket and the server's threads; connected clients lose the link. */
    public synchronized void stop() {
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
            slave = null;
        }
    }

    public synchronized boolean isUp() {
        return slave != null;
    }

    /** Why the last start failed; empty when it did not. */
    public synchronized String problem() {
        return problem;
    }

    public ModbusEndpoint endpoint() {
        return endpoint;
    }

    /** Makes {@code snapshot} what the next read requests see, all values at once. */
    public void publish(MachineSnapshot snapshot) {
        image.publish(RegisterMap.encode(snapshot));
    }

    private ModbusSlave open() throws IOException {
        InetAddress address;
        try {
            address = InetAddress.getByName(endpoint.address());
        } catch (UnknownHostException e) {
            throw new IOException("simulator " + machineId + ": modbus.address '" + endpoint.address()
                    + "' is not a known host or IP address", e);
        }
        // the factory's methods are static synchronized: holding its lock makes look-up and create one step
        synchronized (ModbusSlaveFactory.class) {
            if (ModbusSlaveFactory.getSlave(ModbusSlaveType.TCP, endpoint.port()) != null) {
                throw new IOException("simulator " + machineId + ": modbus.port " + endpoint.port()
                        + " is already served by another Modbus server in this Java process");
            }
            ModbusSlave created;
            try {
                created = ModbusSlaveFactory.createTCPSlave(address, endpoint.port(), endpoint.maxConnections(),
                        false, 0);
            } catch (ModbusException e) {
                throw new IOException("simulator " + machineId + ": cannot create a Modbus server on "
                        + endpoint + ": " + e.getMessage(), e);
            }
            created.setThreadName("millwright-sim-" + machineId + "-modbus");
            created.addProcessImage(endpoint.unitId(), image);
            try {
                created.open();
            } catch (ModbusException e) {
                ModbusSlaveFactory.close(created);
                throw new IOException("simulator " + machineId + ": cannot listen on " + endpoint + ": "
                        + e.getMessage(), e);
            }
            return created;
        }
    }
}
