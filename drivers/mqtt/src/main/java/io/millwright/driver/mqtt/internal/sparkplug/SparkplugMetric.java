package io.millwright.driver.mqtt.internal.sparkplug;

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

    /** The same metric with a name and data type learnt from the birth. */
    public SparkplugMetric resolved(String birthName, int birthType) {
        return new SparkplugMetric(birthName, alias, timestamp, dataType == 0 ? birthType : dataType, isNull, valueKind,
                longValue, doubleValue, text);
    }
}
