package io.millwright.driver.opcua.internal.shell;

import io.millwright.driver.opcua.internal.OpcUaDevices;
import io.millwright.driver.opcua.internal.client.OpcUaDevice;
import io.millwright.driver.opcua.internal.config.DeviceSettings;
import io.millwright.driver.support.DeviceRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * The OPC UA side of each device: endpoint and security, Milo's session state, how many
 * subscriptions and monitored items the server holds for it and how many nodes are polled instead,
 * and its counters; then the device files that were refused.
 */
@Service
@Command(scope = "millwright", name = "opcua-status",
        description = "Lists OPC UA devices with their session, subscriptions, monitored items, polled nodes and counters")
public class OpcUaStatusCommand implements Action {

    @Reference
    OpcUaDevices devices;

    /**
     * Prints what {@link #run} says: a command's return value is shown at the console prompt but
     * not through bin/client or ssh with a command, so scripts would get nothing.
     */
    @Override
    public Object execute() {
        System.out.println(run().stripTrailing());
        return null;
    }

    /** The command's output. */
    String run() {
        ShellTable table = new ShellTable();
        table.column("Device");
        table.column("Status");
        table.column("Endpoint");
        table.column("Session");
        table.column("Subs");
        table.column("Items");
        table.column("Polled");
        table.column("Samples");
        table.column("Errors");
        table.column("Reconnects");
        table.column("Round trip");
        table.column("Detail").wrap();
        for (String id : devices.ids()) {
            OpcUaDevice d = devices.find(id);
            if (d == null) {
                continue;
            }
            DeviceSettings s = d.settings();
            table.addRow().addContent(id, d.status(),
                    s.endpointUrl() + " (" + s.securityPolicy() + ", " + s.securityMode() + ")", d.sessionState(),
                    d.subscriptionCount(), d.monitoredItemCount(), d.polledNodeCount(), d.samplesDelivered(),
                    d.errorCount(), d.reconnectCount(),
                    d.lastRoundTrip().map(t -> String.format("%.1f ms", t.toNanos() / 1e6)).orElse("-"), d.statusDetail());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        table.print(print);
        for (DeviceRegistry.Refusal r : devices.refusals()) {
            print.println("Refused " + r.file() + ": " + r.message());
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
