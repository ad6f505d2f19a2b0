package io.millwright.platform.internal;

import io.millwright.api.device.Device;
import io.millwright.api.device.TagStatus;
import io.millwright.api.sample.Sample;
import io.millwright.api.sample.ValueType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rows the device commands print: plain strings, so the shell layer only lays them out. */
public final class DeviceReport {

    public static final List<String> DEVICE_COLUMNS = List.of("Device", "Protocol", "Status", "Last data",
            "Reads", "Errors", "Reconnects", "Round trip", "Detail");
    public static final List<String> TAG_COLUMNS = List.of("Tag", "Address", "Value", "Quality", "Source time",
            "History");

    private DeviceReport() {
    }

    public static List<String> deviceRow(Device device, Instant now) {
        return List.of(device.id(), device.protocol(), device.status().name(),
                device.lastDataTime().map(t -> age(t, now)).orElse("never"),
                Long.toString(device.readCount()), Long.toString(device.errorCount()),
                Long.toString(device.reconnectCount()),
                device.lastRoundTrip().map(DeviceReport::millis).orElse("-"),
                device.statusDetail() == null ? "" : device.statusDetail());
    }

    public static List<List<String>> tagRows(Device device) {
        List<List<String>> rows = new ArrayList<>();
        for (TagStatus tag : device.tags()) {
            Sample last = tag.last();
            String value = last == null || last.type() == ValueType.NONE ? "-" : last.asString();
            String quality = last == null ? "never read"
                    : last.isGood() ? "GOOD" : last.quality() + ": " + last.qualityReason();
            String time = last == null ? "-" : last.sourceInstant().toString();
            String history = !tag.historized() ? "-"
                    : tag.deadband() == 0 ? "on change" : "deadband " + tag.deadband();
            rows.add(List.of(tag.name(), tag.address(), value, quality, time, history));
        }
        return rows;
    }

    static String age(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        if (age.isNegative()) {
            return then.toString();
        }
        long s = age.getSeconds();
        return s < 60 ? s + " s ago" : s < 3600 ? s / 60 + " min ago" : then.toString();
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.2f ms", d.toNanos() / 1e6);
    }
}
