package io.millwright.simulator.opcua.internal;

import io.millwright.api.simulation.ControllerStatus;
import io.millwright.api.simulation.MachineSnapshot;
import java.util.function.Function;

/**
 * The variables in each machine's folder: browse name, OPC UA data type and how the value comes
 * from a snapshot (as a plain Java value; the server turns it into the OPC UA type). The same
 * values as the Modbus register map, so either protocol shows the same machine.
 */
public enum MachineVariable {
    RUNNING("Running", DataType.BOOLEAN, "true while the machine makes parts",
            s -> s.status() == ControllerStatus.RUNNING),
    FAULTED("Faulted", DataType.BOOLEAN, "true while the machine is DOWN with a fault",
            s -> s.status() == ControllerStatus.DOWN),
    STATE("State", DataType.INT32, "1 RUNNING, 2 IDLE, 3 DOWN", s -> s.status().code()),
    STATE_NAME("StateName", DataType.STRING, "RUNNING, IDLE or DOWN", s -> s.status().name()),
    STOP_CAUSE("StopCause", DataType.INT32, "0 running, 1 minor stop, 2 starved, 3 paused, 4 fault",
            s -> s.cause().code()),
    FAULT_CODE("FaultCode", DataType.UINT16, "fault code, 0 = none", MachineSnapshot::faultCode),
    TOTAL_COUNT("TotalCount", DataType.UINT32, "parts made, rejects included; wraps at 2^32",
            MachineSnapshot::totalCount),
    REJECT_COUNT("RejectCount", DataType.UINT32, "rejects; wraps at 2^32", MachineSnapshot::rejectCount),
    SPEED("Speed", DataType.DOUBLE, "parts per minute of the last cycle, 0 when stopped", MachineSnapshot::speed);

    /** The OPC UA built-in types used, with the Java type {@link #valueOf(MachineSnapshot)} gives for each. */
    public enum DataType {
        /** Boolean */
        BOOLEAN,
        /** Integer */
        INT32,
        /** Integer, 0 to 65535 */
        UINT16,
        /** Long, 0 to 4294967295 */
        UINT32,
        /** Double */
        DOUBLE,
        /** String */
        STRING
    }

    private final String browseName;
    private final DataType dataType;
    private final String description;
    private final Function<MachineSnapshot, Object> value;

    MachineVariable(String browseName, DataType dataType, String description, Function<MachineSnapshot, Object> value) {
        this.browseName = browseName;
        this.dataType = dataType;
        this.description = description;
        this.value = value;
    }

    public String browseName() {
        return browseName;
    }

    public DataType dataType() {
        return dataType;
    }

    public String description() {
        return description;
    }

    public Object valueOf(MachineSnapshot snapshot) {
        return value.apply(snapshot);
    }
}
