package io.millwright.platform.internal.shell;

import io.millwright.api.device.Device;
import io.millwright.platform.internal.DeviceDirectory;
import io.millwright.platform.internal.DeviceReport;
import java.time.Instant;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Every driver's devices with their link status and counters. */
@Service
@Command(scope = "millwright", name = "devices", description = "Lists every device of every driver with its status")
public class DevicesCommand implements Action {

    @Reference
    DeviceDirectory directory;

    @Override
    public Object execute() {
        List<Device> devices = directory.all();
        if (devices.isEmpty()) {
            System.out.println("No devices: install a driver feature and add a device file to etc/");
            return null;
        }
        ShellTable table = new ShellTable();
        DeviceReport.DEVICE_COLUMNS.forEach(table::column);
        Instant now = Instant.now();
        for (Device device : devices) {
            table.addRow().addContent(DeviceReport.deviceRow(device, now).toArray());
        }
        table.print(System.out);
        return null;
    }
}
