package io.millwright.driver.modbus.internal.shell;

import io.millwright.driver.modbus.internal.ModbusDevices;
import io.millwright.driver.modbus.internal.poll.ModbusDevice;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Writes one tag of a device configured {@code writable=true}; refused, with the reason, otherwise. */
@Service
@Command(scope = "millwright", name = "modbus-write",
        description = "Writes a value to a tag (coil or holding register) of a Modbus device configured writable=true")
public class ModbusWriteCommand implements Action {

    @Reference
    ModbusDevices devices;

    @Argument(index = 0, name = "device", required = true, description = "Device id")
    @Completion(ModbusDeviceCompleter.class)
    String device;

    @Argument(index = 1, name = "tag", required = true, description = "Tag name")
    String tag;

    @Argument(index = 2, name = "value", required = true, description = "Value in engineering units (scale and offset are undone)")
    String value;

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
        d.write(tag, value);
        String address = d.settings().tag(tag).addressText(d.settings().order());
        return "Wrote " + value + " to " + d.id() + "/" + tag + " (" + address + ")";
    }
}
