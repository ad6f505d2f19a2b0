package io.millwright.simulator.internal.modbus;

/**
 * Where a simulated machine serves Modbus TCP.
 *
 * @param maxConnections clients served at once; more wait until one disconnects
 */
public record ModbusEndpoint(String address, int port, int unitId, int maxConnections) {

    @Override
    public String toString() {
        return address + ":" + port + " unit " + unitId;
    }
}
