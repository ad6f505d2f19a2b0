package io.millwright.platform.internal;

import io.millwright.api.device.Device;
import io.millwright.api.device.DeviceStatus;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Finds devices that do not deliver trustworthy data, whatever their driver. */
final class DeviceCheck {

    private DeviceCheck() {
    }

    static List<HealthFinding> findings(Collection<Device> devices) {
        List<HealthFinding> findings = new ArrayList<>();
        for (Device device : devices) {
            DeviceStatus status;
            try {
                status = device.status();
            } catch (RuntimeException e) {
                findings.add(new HealthFinding(Severity.ERROR, subject(device), "status unavailable: " + e));
                continue;
            }
            if (status == DeviceStatus.ONLINE) {
                continue;
            }
            Severity severity = status == DeviceStatus.OFFLINE ? Severity.ERROR : Severity.WARNING;
            String detail = device.statusDetail();
            String since = device.lastDataTime().map(t -> "; last data " + t).orElse("; no data yet");
            findings.add(new HealthFinding(severity, subject(device),
                    status + (detail == null || detail.isEmpty() ? "" : ": " + detail) + since));
        }
        return findings;
    }

    private static String subject(Device device) {
        return "device " + device.id() + " (" + device.protocol() + ")";
    }
}
