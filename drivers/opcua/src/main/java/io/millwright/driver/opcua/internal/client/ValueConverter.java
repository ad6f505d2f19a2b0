package io.millwright.driver.opcua.internal.client;

import io.millwright.api.sample.Quality;
import io.millwright.api.sample.Sample;
import io.millwright.driver.opcua.internal.config.TagType;
import java.util.Arrays;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UNumber;

/**
 * Turns an OPC UA {@link DataValue} into a tag's {@link Sample}: Good values typed as the tag asks,
 * Uncertain ones UNCERTAIN with the status name, Bad ones BAD with the status name. Source time
 * is the server's source timestamp, else its server timestamp, else the receive time.
 */
final class ValueConverter {

    private ValueConverter() {
    }

    static Sample convert(String deviceId, String tag, TagType type, DataValue dv, long receiveMs) {
        long sourceMs = sourceTime(dv, receiveMs);
        StatusCode status = dv.statusCode() == null ? StatusCode.GOOD : dv.statusCode();
        if (status.isBad()) {
            return Sample.bad(deviceId, tag, StatusNames.name(status), sourceMs, receiveMs);
        }
        Quality quality = status.isGood() ? Quality.GOOD : Quality.UNCERTAIN;
        String reason = status.isGood() ? null : StatusNames.name(status);
        Object value = dv.value() == null ? null : dv.value().getValue();
        if (value == null) {
            return Sample.bad(deviceId, tag, "the server sent no value (" + StatusNames.name(status) + ")", sourceMs, receiveMs);
        }
        try {
            switch (type) {
                case BOOL:
                    return Sample.ofBoolean(deviceId, tag, asBoolean(value), quality, reason, sourceMs, receiveMs);
                case LONG:
                    return Sample.ofLong(deviceId, tag, asNumber(value).longValue(), quality, reason, sourceMs, receiveMs);
                case DOUBLE:
                    return Sample.ofDouble(deviceId, tag, asNumber(value).doubleValue(), quality, reason, sourceMs, receiveMs);
                case STRING:
                    return Sample.ofString(deviceId, tag, text(value), quality, reason, sourceMs, receiveMs);
                default:
                    return auto(deviceId, tag, value, quality, reason, sourceMs, receiveMs);
            }
        } catch (IllegalArgumentException e) {
            return Sample.bad(deviceId, tag, e.getMessage(), sourceMs, receiveMs);
        }
    }

    private static Sample auto(String deviceId, String tag, Object value, Quality quality, String reason, long sourceMs,
                               long receiveMs) {
        if (value instanceof Boolean) {
            return Sample.ofBoolean(deviceId, tag, (Boolean) value, quality, reason, sourceMs, receiveMs);
        }
        if (value instanceof Double || value instanceof Float) {
            return Sample.ofDouble(deviceId, tag, ((Number) value).doubleValue(), quality, reason, sourceMs, receiveMs);
        }
        if (value instanceof Number) {
            return Sample.ofLong(deviceId, tag, ((Number) value).longValue(), quality, reason, sourceMs, receiveMs);
        }
        return Sample.ofString(deviceId, tag, text(value), quality, reason, sourceMs, receiveMs);
    }

    private static boolean asBoolean(Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof Number) {
            return ((Number) value).doubleValue() != 0.0;
        }
        String t = text(value).trim();
        if (t.equalsIgnoreCase("true") || t.equals("1")) {
            return true;
        }
        if (t.equalsIgnoreCase("false") || t.equals("0")) {
            return false;
        }
        throw new IllegalArgumentException("value '" + t + "' is not a boolean");
    }

    private static Number asNumber(Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value ? 1 : 0;
        }
        if (value instanceof UNumber || value instanceof Number) {
            return (Number) value;
        }
        String t = text(value).trim();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("value '" + t + "' is not a number");
        }
    }

    private static String text(Object value) {
        if (value instanceof LocalizedText) {
            String t = ((LocalizedText) value).getText();
            return t == null ? "" : t;
        }
        if (value instanceof Object[]) {
            return Arrays.deepToString((Object[]) value);
        }
        return String.valueOf(value);
    }

    private static long sourceTime(DataValue dv, long receiveMs) {
        DateTime t = dv.sourceTime() != null && dv.sourceTime().isValid() ? dv.sourceTime() : dv.serverTime();
        return t != null && t.isValid() ? t.getJavaTime() : receiveMs;
    }
}
