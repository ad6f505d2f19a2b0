package io.millwright.driver.support.sparkplug;

/**
 * One decoded metric. The value is in {@code longValue} (integers, booleans as 0/1, date-times),
 * {@code doubleValue} (float, double) or {@code text}, by {@code dataType}; a metric in a DATA
 * message usually carries no data type, which the birth supplies.
 *
 * @param name      the metric name, or null when only the alias is sent
 * @param alias     the alias, or -1
 * @param timestamp epoch ms, or -1
 * @param dataType  the {@link DataType} code, 0 when absent
 * @param isNull    whether the value is explicitly null
 * @param valueKind which value field was present: 'i' int, 'l' long, 'f' float, 'd' double, 'b' boolean, 's' string, 0 none
 */
public record SparkplugMetric(String name, long alias, long timestamp, int dataType, boolean isNull, char valueKind,
                              long longValue, double doubleValue, String text) {

    public static SparkplugMetric ofDouble(String name, long alias, double value) {
        return new SparkplugMetric(name, alias, -1, DataType.DOUBLE, false, 'd', 0, value, null);
    }

    public static SparkplugMetric ofLong(String name, long alias, long value) {
        return new SparkplugMetric(name, alias, -1, DataType.INT64, false, 'l', value, 0, null);
    }

    public static SparkplugMetric ofBoolean(String name, long alias, boolean value) {
        return new SparkplugMetric(name, alias, -1, DataType.BOOLEAN, false, 'b', value ? 1 : 0, 0, null);
    }

    public static SparkplugMetric ofString(String name, long alias, String value) {
        return new SparkplugMetric(name, alias, -1, DataType.STRING, false, 's', 0, 0, value);
    }

    /**
     * A metric carried in {@code int_value}: Int8 to Int32 and UInt8 to UInt32. The low 32 bits of
     * {@code value} are sent, so a UInt32 up to 4294967295 and a negative Int32 both fit.
     */
    public static SparkplugMetric ofInt(String name, long alias, int dataType, long value) {
        if (!DataType.usesIntValue(dataType)) {
            throw new IllegalArgumentException("data type " + dataType + " is not carried in int_value");
        }
        return new SparkplugMetric(name, alias, -1, dataType, false, 'i', value & 0xFFFF_FFFFL, 0, null);
    }

    /**
     * The same value by alias only, without name or data type, as NDATA and DDATA send a metric
     * their birth declared.
     */
    public SparkplugMetric byAlias() {
        if (alias < 0) {
            throw new IllegalStateException("metric " + name + " has no alias");
        }
        return new SparkplugMetric(null, alias, timestamp, 0, isNull, valueKind, longValue, doubleValue, text);
    }

    /** The same metric with a name and data type learnt from the birth. */
    public SparkplugMetric resolved(String birthName, int birthType) {
        return new SparkplugMetric(birthName, alias, timestamp, dataType == 0 ? birthType : dataType, isNull, valueKind,
                longValue, doubleValue, text);
    }
}
