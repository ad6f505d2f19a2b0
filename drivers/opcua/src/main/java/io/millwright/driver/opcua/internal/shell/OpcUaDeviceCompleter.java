package io.millwright.driver.opcua.internal.shell;

import io.millwright.driver.opcua.internal.OpcUaDevices;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the ids of running OPC UA devices. */
@Service
public class OpcUaDeviceCompleter implements Completer {

    @Reference
    OpcUaDevices devices;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(devices.ids()).complete(session, commandLine, candidates);
    }
}
