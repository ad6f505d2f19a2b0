package io.millwright.platform.internal.shell;

import io.millwright.api.device.Device;
import io.millwright.platform.internal.DeviceDirectory;
import io.millwright.platform.internal.DeviceReport;
import java.time.Instant;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** One device: its status and counters, then each tag with its last value and quality. */
@Service
@Command(scope = "millwright", name = "device", description = "Shows a device's status and its tags' last values")
public class DeviceCommand implements Action {

    @Reference
    DeviceDirectory directory;

    @Argument(index = 0, name = "device", required = true, description = "The device id")
    @Completion(DeviceIdCompleter.class)
    String id;

    @Override
    public Object execute() {
        Device device = directory.find(id).orElseThrow(() -> new IllegalArgumentException(
                "no device '" + id + "': millwright:devices lists them"));
        List<String> row = DeviceReport.deviceRow(device, Instant.now());
        for (int i = 0; i < row.size(); i++) {
            System.out.printf("%-11s %s%n", DeviceReport.DEVICE_COLUMNS.get(i) + ":", row.get(i));
        }
        System.out.println();
        ShellTable table = new ShellTable();
        DeviceReport.TAG_COLUMNS.forEach(table::column);
        for (List<String> tag : DeviceReport.tagRows(device)) {
            table.addRow().addContent(tag.toArray());
        }
        table.print(System.out);
        return null;
    }
}
