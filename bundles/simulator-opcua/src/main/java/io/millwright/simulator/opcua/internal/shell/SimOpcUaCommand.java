package io.millwright.simulator.opcua.internal.shell;

import io.millwright.simulator.opcua.internal.OpcUaFace;
import io.millwright.simulator.opcua.internal.OpcUaSettings;
import java.io.IOException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

/** Shows the simulator's OPC UA server and its machine folders; makes it go away and come back, as a peer that drops off the network. */
@Service
@Command(scope = "millwright", name = "sim-opcua",
        description = "Stops (down) or restarts (up) the simulator's OPC UA server on its port; without an argument, shows it and the machine folders it serves")
public class SimOpcUaCommand implements Action {

    @Reference(optional = true)
    OpcUaFace face;

    @Argument(index = 0, name = "down|up", required = false, description = "down: stop serving; up: serve again")
    @Completion(values = {"down", "up"}, value = StringsCompleter.class)
    String direction;

    @Override
    public Object execute() throws IOException {
        if (face == null) {
            System.out.println("No simulator OPC UA server: create etc/io.millwright.simulator.opcua.cfg "
                    + "(an empty file serves opc.tcp://127.0.0.1:4840)");
            return null;
        }
        if (direction != null) {
            boolean up = switch (direction) {
                case "up" -> true;
                case "down" -> false;
                default -> throw new IllegalArgumentException("'" + direction + "': say down or up");
            };
            face.setUp(up);
        }
        System.out.println(describe(face));
        if (direction == null && !face.machineIds().isEmpty()) {
            ShellTable table = new ShellTable();
            table.column("Machine");
            table.column("Folder");
            face.machineIds().forEach(id -> table.addRow().addContent(id, face.folderNodeId(id)));
            table.print(System.out);
        }
        return null;
    }

    /** One line: endpoint, security policies, up or down and why. */
    static String describe(OpcUaFace face) {
        String where = face.settings().map(OpcUaSettings::toString).orElse("(configuration refused)");
        String state = face.isUp() ? "up" : face.problem().isEmpty() ? "down" : "down: " + face.problem();
        return "OPC UA server " + where + ": " + state;
    }
}
