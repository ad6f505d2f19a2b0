package io.millwright.core.internal.shell;

import io.millwright.core.internal.runtime.MachineRuntime;
import io.millwright.core.internal.runtime.UnmappedTagsView;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Tags that drivers deliver but no machine uses: often a typo in a binding. */
@Service
@Command(scope = "millwright", name = "unmapped-tags", description = "Lists tags that arrive but feed no machine, with sample counts")
public class UnmappedTagsCommand implements Action {

    @Reference
    MachineRuntime runtime;

    @Option(name = "--limit", description = "How many rows (default 50)")
    int limit = 50;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Device");
        table.column("Tag");
        table.column("Samples").alignRight();
        int rows = 0;
        for (UnmappedTagsView row : runtime.unmappedTags()) {
            if (rows++ >= limit) {
                break;
            }
            table.addRow().addContent(row.deviceId(), row.tag(), row.samples());
        }
        table.print(System.out);
        System.out.println(runtime.mappedTags() + " tags feed machines");
        return null;
    }
}
