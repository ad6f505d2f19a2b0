package io.millwright.driver.modbus.internal.shell;

import io.millwright.driver.modbus.internal.ModbusDevices;
import io.millwright.driver.modbus.internal.config.Area;
import io.millwright.driver.modbus.internal.poll.ModbusDevice;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Reads raw values over a configured device's own link, to check addresses and byte orders on site. */
@Service
@Command(scope = "millwright", name = "modbus-read",
        description = "Reads raw registers or bits from a configured Modbus device (address, hex, int16, uint16)")
public class ModbusReadCommand implements Action {

    @Reference
    ModbusDevices devices;

    @Argument(index = 0, name = "device", required = true, description = "Device id")
    @Completion(ModbusDeviceCompleter.class)
    String device;

    @Argument(index = 1, name = "area", required = true, description = "coil, discrete, holding or input")
    String area;

    @Argument(index = 2, name = "address", required = true, description = "First address, 0-based (0 to 65535)")
    int address;

    @Argument(index = 3, name = "count", required = false, description = "How many registers or bits (default 1)")
    int count = 1;

    /**
     * Prints what {@link #run} says: a command's return value is shown at the console prompt but
     * not through bin/client or ssh with a command, so scripts would get nothing.
     */
    @Override
    public Object execute() throws Exception {
        System.out.println(run().stripTrailing());
        return null;
    }

    /** The command's output. */
    String run() throws Exception {
        ModbusDevice d = DeviceLookup.running(devices, device);
        Area a = Area.fromWord(area);
        if (a == null) {
            throw new IllegalArgumentException("area '" + area + "' must be coil, discrete, holding or input");
        }
        return RawValuesTable.format(d.id(), d.readRaw(a, address, count));
    }
}
