package io.millwright.driver.modbus.internal.poll;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.io.ModbusTCPTransaction;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.msg.ReadCoilsRequest;
import com.ghgande.j2mod.modbus.msg.ReadCoilsResponse;
import com.ghgande.j2mod.modbus.msg.ReadInputDiscretesRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputDiscretesResponse;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersResponse;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.msg.WriteCoilRequest;
import com.ghgande.j2mod.modbus.msg.WriteMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.net.TCPMasterConnection;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import io.millwright.driver.modbus.internal.config.Area;
import java.net.InetAddress;

/**
 * One device's Modbus TCP link, a thin layer over j2mod's transaction: reusable requests per
 * area, raw values copied into the caller's buffers, exceptions sorted into "link lost" and
 * "the device refused this request". Used by one thread at a time (the device's poll thread).
 */
public final class ModbusConnection {

    private final String host;
    private final int port;
    private final int unitId;
    private final int timeoutMs;

    private final ReadMultipleRegistersRequest readHolding = new ReadMultipleRegistersRequest();
    private final ReadInputRegistersRequest readInput = new ReadInputRegistersRequest();
    private final ReadCoilsRequest readCoils = new ReadCoilsRequest();
    private final ReadInputDiscretesRequest readDiscretes = new ReadInputDiscretesRequest();

    private TCPMasterConnection connection;
    private ModbusTCPTransaction transaction;
    private long lastRoundTripNanos = -1;

    public ModbusConnection(String host, int port, int unitId, int timeoutMs) {
        this.host = host;
        this.port = port;
        this.unitId = unitId;
        this.timeoutMs = timeoutMs;
        for (ModbusRequest r : new ModbusRequest[] {readHolding, readInput, readCoils, readDiscretes}) {
            r.setUnitID(unitId);
        }
    }

    /** Opens a new socket, closing any previous one (a late answer on an old socket must never be read as a new one). */
    public void connect() throws LinkLostException {
        close();
        try {
            TCPMasterConnection c = new TCPMasterConnection(InetAddress.getByName(host));
            c.setPort(port);
            c.setTimeout(timeoutMs);
            c.connect();
            ModbusTCPTransaction t = new ModbusTCPTransaction(c);
            // retries and reconnects are the poller's business, with its own backoff
            t.setRetries(1);
            t.setReconnecting(false);
            connection = c;
            transaction = t;
        } catch (Exception e) {
            throw new LinkLostException("cannot connect to " + host + ":" + port + ": " + describe(e), e);
        }
    }

    public boolean isOpen() {
        return connection != null && connection.isConnected();
    }

    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
            transaction = null;
        }
    }

    /** Reads {@code count} registers of a register area into {@code into[0 ..]}, as ints 0..65535. */
    public void readRegisters(Area area, int start, int count, int[] into) throws LinkLostException, ModbusExceptionResponse {
        if (area == Area.HOLDING) {
            readHolding.setReference(start);
            readHolding.setWordCount(count);
            ReadMultipleRegistersResponse r = (ReadMultipleRegistersResponse) execute(readHolding);
            checkCount(r.getWordCount(), count);
            for (int i = 0; i < count; i++) {
                into[i] = r.getRegisterValue(i);
            }
        } else if (area == Area.INPUT) {
            readInput.setReference(start);
            readInput.setWordCount(count);
            ReadInputRegistersResponse r = (ReadInputRegistersResponse) execute(readInput);
            checkCount(r.getWordCount(), count);
            for (int i = 0; i < count; i++) {
                into[i] = r.getRegisterValue(i);
            }
        } else {
            throw new IllegalArgumentException(area.word() + " is not a register area");
        }
    }

    /** Reads {@code count} coils or discrete inputs into {@code into[0 ..]}. */
    public void readBits(Area area, int start, int count, boolean[] into) throws LinkLostException, ModbusExceptionResponse {
        if (area == Area.COIL) {
            readCoils.setReference(start);
            readCoils.setBitCount(count);
            ReadCoilsResponse r = (ReadCoilsResponse) execute(readCoils);
            for (int i = 0; i < count; i++) {
                into[i] = r.getCoilStatus(i);
            }
        } else if (area == Area.DISCRETE) {
            readDiscretes.setReference(start);
            readDiscretes.setBitCount(count);
            ReadInputDiscretesResponse r = (ReadInputDiscretesResponse) execute(readDiscretes);
            for (int i = 0; i < count; i++) {
                into[i] = r.getDiscreteStatus(i);
            }
        } else {
            throw new IllegalArgumentException(area.word() + " is not a bit area");
        }
    }

    public void writeRegisters(int start, int[] values) throws LinkLostException, ModbusExceptionResponse {
        Register[] registers = new Register[values.length];
        for (int i = 0; i < values.length; i++) {
            registers[i] = new SimpleRegister(values[i]);
        }
        WriteMultipleRegistersRequest request = new WriteMultipleRegistersRequest(start, registers);
        request.setUnitID(unitId);
        execute(request);
    }

    public void writeCoil(int address, boolean value) throws LinkLostException, ModbusExceptionResponse {
        WriteCoilRequest request = new WriteCoilRequest(address, value);
        request.setUnitID(unitId);
        execute(request);
    }

    /** Nanoseconds of the last completed request, or -1. */
    public long lastRoundTripNanos() {
        return lastRoundTripNanos;
    }

    private ModbusResponse execute(ModbusRequest request) throws LinkLostException, ModbusExceptionResponse {
        if (transaction == null) {
            throw new LinkLostException("not connected to " + host + ":" + port, null);
        }
        long started = System.nanoTime();
        try {
            transaction.setRequest(request);
            transaction.execute();
            lastRoundTripNanos = System.nanoTime() - started;
            return transaction.getResponse();
        } catch (ModbusSlaveException e) {
            lastRoundTripNanos = System.nanoTime() - started;
            throw new ModbusExceptionResponse(e.getType(), ModbusSlaveException.getMessage(e.getType()));
        } catch (ModbusException | RuntimeException e) {
            // an I/O error, a timeout or an answer that does not fit: this socket can no longer be trusted
            close();
            throw new LinkLostException(host + ":" + port + ": " + describe(e), e);
        }
    }

    private void checkCount(int got, int wanted) throws LinkLostException {
        if (got != wanted) {
            close();
            throw new LinkLostException(host + ":" + port + ": asked for " + wanted + " registers, got " + got, null);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getMessage() + " (" + message + ")";
    }
}
