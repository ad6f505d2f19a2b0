package io.millwright.core.internal.shell;

import io.millwright.core.internal.runtime.MachineRuntime;
import io.millwright.core.internal.runtime.RefusedConfiguration;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** The machine, calendar and reason files the core refused, and why. */
@Service
@Command(scope = "millwright", name = "config-refused", description = "Lists refused machine, calendar and reason configurations")
public class ConfigRefusedCommand implements Action {

    @Reference
    MachineRuntime runtime;

    @Override
    public Object execute() {
        List<RefusedConfiguration> refused = runtime.refused();
        if (refused.isEmpty()) {
            System.out.println("No configuration refused");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("File");
        table.column("Kind");
        table.column("Key");
        table.column("Value");
        table.column("Problem").wrap();
        for (RefusedConfiguration r : refused) {
            table.addRow().addContent(r.file(), r.kind(), r.key(), r.value(), r.message());
        }
        table.print(System.out);
        return null;
    }
}
