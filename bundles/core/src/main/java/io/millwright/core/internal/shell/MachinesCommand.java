package io.millwright.core.internal.shell;

import io.millwright.core.internal.runtime.MachineRuntime;
import io.millwright.core.internal.runtime.MachineSnapshot;
import io.millwright.core.internal.runtime.OeeReporter;
import io.millwright.core.internal.runtime.SiteCalendar;
import io.millwright.core.oee.OeeResult;
import java.time.Clock;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Every machine at a glance: state, since when, this shift's counts and OEE. */
@Service
@Command(scope = "millwright", name = "machines", description = "Lists machines with state, since, good/total and OEE this shift")
public class MachinesCommand implements Action {

    @Reference
    MachineRuntime runtime;

    @Override
    public Object execute() {
        runtime.writeNow();
        OeeReporter oee = new OeeReporter(runtime, Clock.systemUTC());
        ShellTable table = new ShellTable();
        table.column("Machine");
        table.column("Line");
        table.column("State");
        table.column("Since");
        table.column("Good/Total").alignRight();
        table.column("OEE").alignRight();
        table.column("Shift");
        for (String id : runtime.machineIds()) {
            Optional<MachineSnapshot> snapshot = runtime.snapshot(id);
            if (snapshot.isEmpty()) {
                continue;
            }
            MachineSnapshot s = snapshot.get();
            SiteCalendar.Window shift = oee.currentShift(s.definition());
            OeeResult result = oee.machine(s.definition(), shift.start(), shift.end());
            table.addRow().addContent(id, s.definition().line() == null ? "" : s.definition().line(), s.state(),
                    Format.time(s.since()), result.goodCount() + "/" + result.totalCount(),
                    Format.percent(result.oee()), shift.name());
        }
        table.print(System.out);
        return null;
    }
}
