package io.millwright.driver.modbus.internal.shell;

import io.millwright.driver.modbus.internal.ModbusDevices;
import io.millwright.driver.modbus.internal.plan.ReadBlock;
import io.millwright.driver.modbus.internal.poll.ModbusDevice;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** The Modbus side of each device: requests per poll, counters, overruns, and refused device files. */
@Service
@Command(scope = "millwright", name = "modbus-status",
        description = "Lists Modbus devices with their requests per poll, counters and overruns, and refused device files")
public class ModbusStatusCommand implements Action {

    @Reference
    ModbusDevices devices;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Device");
        table.column("Status");
        table.column("Requests");
        table.column("Reads");
        table.column("Errors");
        table.column("Reconnects");
        table.column("Overruns");
        table.column("Round trip");
        table.column("Detail").wrap();
        for (String id : devices.ids()) {
            ModbusDevice d = devices.find(id);
            if (d == null) {
                continue;
            }
            StringBuilder plan = new StringBuilder();
            for (ReadBlock b : d.plan()) {
                plan.append(plan.length() == 0 ? "" : ", ").append(b.area().word()).append(' ').append(b.start())
                        .append('+').append(b.count());
            }
            table.addRow().addContent(id, d.status(), d.plan().size() + " (" + plan + ")", d.readCount(), d.errorCount(),
                    d.reconnectCount(), d.overruns(),
                    d.lastRoundTrip().map(t -> String.format("%.2f ms", t.toNanos() / 1e6)).orElse("-"), d.statusDetail());
        }
        table.print(System.out);
        for (ModbusDevices.Refusal r : devices.refusals()) {
            System.out.println("Refused " + r.file() + ": " + r.message());
        }
        return null;
    }
}
