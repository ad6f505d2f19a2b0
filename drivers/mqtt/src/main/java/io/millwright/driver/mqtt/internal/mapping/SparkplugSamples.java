package io.millwright.driver.mqtt.internal.mapping;

import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.driver.support.sparkplug.DataType;
import io.millwright.driver.support.sparkplug.SparkplugMetric;

/** Turns a resolved Sparkplug B metric into a sample, by its data type (from the birth when the message omits it). */
final class SparkplugSamples {

    private SparkplugSamples() {
    }

    /** @return the sample, or null for types this driver does not turn into samples (datasets, templates, bytes) */
    static Sample of(String deviceId, SparkplugMetric m, long payloadTime, long receiveTime) {
        long source = m.timestamp() >= 0 ? m.timestamp() : payloadTime >= 0 ? payloadTime : receiveTime;
        String tag = m.name();
        if (m.isNull()) {
            return Sample.bad(deviceId, tag, "null in the Sparkplug B message", source, receiveTime);
        }
        if (m.valueKind() == 0) {
            return Sample.bad(deviceId, tag, "no value in the Sparkplug B message", source, receiveTime);
        }
        int type = m.dataType();
        switch (m.valueKind()) {
            case 'f', 'd' -> {
                return Sample.ofDouble(deviceId, tag, m.doubleValue(), Quality.GOOD, null, source, receiveTime);
            }
            case 'b' -> {
                return Sample.ofBoolean(deviceId, tag, m.longValue() != 0, Quality.GOOD, null, source, receiveTime);
            }
            case 's' -> {
                return Sample.ofString(deviceId, tag, m.text(), Quality.GOOD, null, source, receiveTime);
            }
            default -> {
                long raw = m.longValue();
                long value = switch (type) {
                    case DataType.INT8 -> (byte) raw;
                    case DataType.INT16 -> (short) raw;
                    case DataType.INT32 -> (int) raw;
                    case DataType.UINT8 -> raw & 0xFF;
                    case DataType.UINT16 -> raw & 0xFFFF;
                    case DataType.UINT32 -> raw & 0xFFFF_FFFFL;
                    default -> raw;
                };
                if (type == DataType.BOOLEAN) {
                    return Sample.ofBoolean(deviceId, tag, value != 0, Quality.GOOD, null, source, receiveTime);
                }
                return Sample.ofLong(deviceId, tag, value, Quality.GOOD, null, source, receiveTime);
            }
        }
    }
}
