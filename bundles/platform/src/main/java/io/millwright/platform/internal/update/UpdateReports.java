package io.millwright.platform.internal.update;

import io.millwright.platform.internal.update.DriverUpdater.Outcome;
import io.millwright.platform.internal.update.DriverUpdater.Plan;

/** What {@code millwright:driver-update} prints about a plan and an outcome. */
public final class UpdateReports {

    private UpdateReports() {
    }

    public static String dryRun(Plan plan) {
        StringBuilder text = new StringBuilder();
        text.append(plan.driver().getSymbolicName()).append(' ').append(plan.from()).append(" [")
                .append(plan.driver().getBundleId()).append("] -> ").append(plan.jar().version()).append(" from ")
                .append(plan.jar().source()).append('\n');
        if (plan.resolution().resolves()) {
            text.append("Resolves against the running system: yes (").append(plan.resolution().imports())
                    .append(" package imports, ").append(plan.resolution().requirements()).append(" requirements)\n");
        } else {
            text.append("Resolves against the running system: NO\n");
            plan.resolution().missing().forEach(m -> text.append("  ").append(m).append('\n'));
        }
        text.append("Would refresh: ").append(plan.driver().getSymbolicName())
                .append(plan.refreshed().isEmpty() ? " only; no other bundle is wired to it"
                        : " and " + String.join(", ", plan.refreshed()))
                .append('\n');
        text.append("Would wait for: ").append(DeviceWatch.describe(plan.devices())).append('\n');
        text.append("Nothing changed (--dry-run).");
        return text.toString();
    }

    public static String outcome(Outcome o) {
        String head = switch (o.result()) {
            case UPDATED -> "Updated " + o.driver() + " " + o.from() + " -> " + o.to();
            case ROLLED_BACK -> "Rolled back " + o.driver() + " to " + o.from() + " (" + o.to() + " was not kept: "
                    + o.reason() + ")";
            case ROLLBACK_FAILED -> "ROLLBACK FAILED for " + o.driver() + ": " + o.reason();
        };
        return head + " in " + o.took().toMillis() + " ms\nDevices: " + DeviceWatch.describe(o.devices())
                + "\nOther bundles: " + (o.otherBundleEvents().isEmpty() ? "untouched"
                        : String.join(", ", o.otherBundleEvents()));
    }
}
