package io.millwright.platform.internal.shell;

import io.millwright.api.device.Device;
import io.millwright.platform.internal.DeviceDirectory;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes device ids. */
@Service
public class DeviceIdCompleter implements Completer {

    @Reference
    DeviceDirectory directory;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(directory.all().stream().map(Device::id).toList())
                .complete(session, commandLine, candidates);
    }
}
