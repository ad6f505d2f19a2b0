package io.millwright.platform.internal.shell;

import io.millwright.api.health.HealthFinding;
import io.millwright.platform.internal.HealthReporter;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Shows in one place what is wrong in the platform. */
@Service
@Command(scope = "millwright", name = "health",
        description = "Lists what is wrong: bundles not Active, components not satisfied, devices not ONLINE, failing checks")
public class HealthCommand implements Action {

    @Reference
    HealthReporter reporter;

    @Option(name = "--fail", description = "Throw an error when anything is wrong (for scripts)")
    boolean fail;

    @Override
    public Object execute() {
        List<HealthFinding> findings = reporter.findings();
        if (findings.isEmpty()) {
            System.out.println("OK: nothing wrong (" + reporter.scope() + ")");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Severity");
        table.column("Subject");
        table.column("Problem").wrap();
        for (HealthFinding finding : findings) {
            table.addRow().addContent(finding.severity(), finding.subject(), finding.message());
        }
        table.print(System.out);
        System.out.println(findings.size() + " problem(s)");
        if (fail) {
            throw new IllegalStateException(findings.size() + " health problem(s), first: "
                    + findings.get(0).subject() + ": " + findings.get(0).message());
        }
        return null;
    }
}
