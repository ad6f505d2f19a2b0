package io.millwright.platform.internal.shell;

import io.millwright.platform.internal.update.DriverUpdater;
import io.millwright.platform.internal.update.DriverUpdater.Outcome;
import io.millwright.platform.internal.update.DriverUpdater.Plan;
import io.millwright.platform.internal.update.UpdateReports;
import java.time.Duration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Updates a driver while the line runs, rolling back by itself; admin only. */
@Service
@Command(scope = "millwright", name = "driver-update",
        description = "Installs a new version of a driver bundle, refreshing only the driver; rolls back when its devices do not come back")
public class DriverUpdateCommand implements Action {

    @Reference
    DriverUpdater updater;

    @Argument(index = 0, name = "driver", required = true,
            description = "modbus, opcua, mqtt, a bundle symbolic name or a bundle id")
    String driver;

    @Argument(index = 1, name = "url", required = true, description = "Where the new bundle is: file:, mvn: or http(s): URL")
    String url;

    @Option(name = "--dry-run", description = "Check the new version against the running system and say what would happen; change nothing")
    boolean dryRun;

    @Option(name = "--timeout", description = "Seconds the devices get to come back before the rollback (default from etc/io.millwright.platform.driverupdate.cfg, 60)")
    int timeoutSeconds;

    @Override
    public Object execute() throws Exception {
        if (dryRun) {
            Plan plan = updater.plan(driver, url);
            System.out.println(UpdateReports.dryRun(plan));
            return null;
        }
        Duration timeout = timeoutSeconds > 0 ? Duration.ofSeconds(timeoutSeconds) : updater.defaultTimeout();
        Outcome outcome = updater.update(driver, url, timeout, line -> {
            System.out.println(line);
            System.out.flush();
        });
        System.out.println(UpdateReports.outcome(outcome));
        if (outcome.result() != DriverUpdater.Result.UPDATED) {
            throw new IllegalStateException(outcome.driver() + " " + outcome.to() + " was not kept: " + outcome.reason());
        }
        return null;
    }
}
