package io.millwright.driver.modbus.internal.shell;

import io.millwright.driver.modbus.internal.ModbusDevices;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the ids of running Modbus devices. */
@Service
public class ModbusDeviceCompleter implements Completer {

    @Reference
    ModbusDevices devices;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(devices.ids()).complete(session, commandLine, candidates);
    }
}
