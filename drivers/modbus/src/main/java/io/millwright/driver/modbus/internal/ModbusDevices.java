package io.millwright.driver.modbus.internal;

import io.millwright.api.health.HealthCheck;
import io.millwright.api.health.HealthFinding;
import io.millwright.api.health.HealthFinding.Severity;
import io.millwright.driver.modbus.internal.poll.ModbusDevice;
import io.millwright.driver.support.DeviceRegistry;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The Modbus devices of this bundle, by id: keeps ids unique across device files, lets the shell
 * find a device's link, and reports refused device files and overrunning polls to {@code millwright:health}.
 */
@Component(service = {ModbusDevices.class, HealthCheck.class})
public class ModbusDevices extends DeviceRegistry<ModbusDevice> {

    public ModbusDevices() {
        super("modbus");
    }

    @Override
    public synchronized List<HealthFinding> check() {
        List<HealthFinding> findings = super.check();
        for (ModbusDevice d : running()) {
            if (d.overruns() > 0) {
                findings.add(new HealthFinding(Severity.WARNING, "modbus device " + d.id(), d.overruns()
                        + " polls took longer than the poll interval of " + d.settings().pollIntervalMs() + " ms"));
            }
        }
        return findings;
    }
}
