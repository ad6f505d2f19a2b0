package io.millwright.simulator.mqtt.internal;

import io.millwright.api.simulation.ControllerStatus;
import io.millwright.api.simulation.MachineSnapshot;
import io.millwright.driver.support.sparkplug.DataType;
import io.millwright.driver.support.sparkplug.SparkplugMetric;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What the face publishes of a machine: the JSON key, the Sparkplug B metric name and data type
 * (none for the state name, which Sparkplug gets as the State number), and how the value comes
 * from a snapshot. The same values as the Modbus register map and the OPC UA folder.
 */
public enum MachineMetric {
    RUNNING("running", "Running", DataType.BOOLEAN, s -> s.status() == ControllerStatus.RUNNING),
    FAULTED("faulted", "Faulted", DataType.BOOLEAN, s -> s.status() == ControllerStatus.DOWN),
    STATE("state", "State", DataType.INT32, s -> s.status().code()),
    STATE_NAME("stateName", null, DataType.STRING, s -> s.status().name()),
    STOP_CAUSE("stopCause", "StopCause", DataType.INT32, s -> s.cause().code()),
    FAULT_CODE("faultCode", "FaultCode", DataType.UINT16, MachineSnapshot::faultCode),
    TOTAL_COUNT("totalCount", "TotalCount", DataType.UINT32, MachineSnapshot::totalCount),
    REJECT_COUNT("rejectCount", "RejectCount", DataType.UINT32, MachineSnapshot::rejectCount),
    SPEED("speed", "Speed", DataType.DOUBLE, MachineSnapshot::speed);

    private final String jsonKey;
    private final String sparkplugName;
    private final int dataType;
    private final Function<MachineSnapshot, Object> value;

    MachineMetric(String jsonKey, String sparkplugName, int dataType, Function<MachineSnapshot, Object> value) {
        this.jsonKey = jsonKey;
        this.sparkplugName = sparkplugName;
        this.dataType = dataType;
        this.value = value;
    }

    public String jsonKey() {
        return jsonKey;
    }

    /** The metric name in births, or null when the value is not a Sparkplug B metric. */
    public String sparkplugName() {
        return sparkplugName;
    }

    public int dataType() {
        return dataType;
    }

    /** Boolean, Integer, Long, Double or String. */
    public Object valueOf(MachineSnapshot snapshot) {
        return value.apply(snapshot);
    }

    /** Every value of the snapshot, in declaration order. */
    public static Map<MachineMetric, Object> valuesOf(MachineSnapshot snapshot) {
        Map<MachineMetric, Object> values = new EnumMap<>(MachineMetric.class);
        for (MachineMetric m : values()) {
            values.put(m, m.valueOf(snapshot));
        }
        return values;
    }

    /** This metric with {@code value} as a birth declares it: name, alias, data type. */
    SparkplugMetric toSparkplug(Object value, long alias) {
        return switch (dataType) {
            case DataType.BOOLEAN -> SparkplugMetric.ofBoolean(sparkplugName, alias, (Boolean) value);
            case DataType.DOUBLE -> SparkplugMetric.ofDouble(sparkplugName, alias, (Double) value);
            default -> SparkplugMetric.ofInt(sparkplugName, alias, dataType, ((Number) value).longValue());
        };
    }
}
