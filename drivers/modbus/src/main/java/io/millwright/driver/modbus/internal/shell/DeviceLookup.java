package io.millwright.driver.modbus.internal.shell;

import io.millwright.driver.modbus.internal.ModbusDevices;
import io.millwright.driver.modbus.internal.poll.ModbusDevice;

/** Finds a running device for a command, or says why there is none. */
final class DeviceLookup {

    private DeviceLookup() {
    }

    static ModbusDevice running(ModbusDevices devices, String id) {
        ModbusDevice d = devices.find(id);
        if (d != null) {
            return d;
        }
        for (ModbusDevices.Refusal r : devices.refusals()) {
            if (devices.owner(id) != null && devices.owner(id).equals(r.pid())) {
                throw new IllegalStateException("Modbus device " + id + " is not running: " + r.message());
            }
        }
        throw new IllegalArgumentException("no Modbus device '" + id + "'; configured: " + devices.ids());
    }
}
