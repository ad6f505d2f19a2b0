package io.millwright.simulator.mqtt.internal.shell;

import io.millwright.simulator.mqtt.internal.MqttFace;
import io.millwright.simulator.mqtt.internal.MqttFaceSettings;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.Row;
import org.apache.karaf.shell.support.table.ShellTable;

/** Shows the simulator's MQTT publisher and the machines it publishes; takes it off the broker and back, as a peer that drops off the network. */
@Service
@Command(scope = "millwright", name = "sim-mqtt",
        description = "Disconnects (down, after an NDEATH) or reconnects (up) the simulator's MQTT publisher; without an argument, shows the broker, state, messages published and machines")
public class SimMqttCommand implements Action {

    @Reference(optional = true)
    MqttFace face;

    @Argument(index = 0, name = "down|up", required = false, description = "down: leave the broker; up: publish again")
    @Completion(values = {"down", "up"}, value = StringsCompleter.class)
    String direction;

    @Override
    public Object execute() {
        if (face == null) {
            System.out.println("No simulator MQTT publisher: create etc/io.millwright.simulator.mqtt.cfg "
                    + "(an empty file publishes to tcp://127.0.0.1:1883)");
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
            MqttFaceSettings s = face.settings().orElseThrow();
            ShellTable table = new ShellTable();
            table.column("Machine");
            if (s.json()) {
                table.column("JSON topic");
            }
            if (s.sparkplug()) {
                table.column("Sparkplug B device");
            }
            for (String id : face.machineIds()) {
                Row row = table.addRow();
                row.addContent(id);
                if (s.json()) {
                    row.addContent(s.topicPrefix() + "/" + id);
                }
                if (s.sparkplug()) {
                    row.addContent(s.groupId() + "/" + s.edgeNodeId() + "/" + id);
                }
            }
            table.print(System.out);
        }
        return null;
    }

    /** One line: broker and formats, state and why, messages published. */
    static String describe(MqttFace face) {
        String where = face.settings().map(MqttFaceSettings::toString).orElse("(configuration refused)");
        String state = face.isConnected() ? "connected"
                : face.isDown() ? (face.problem().isEmpty() ? "down" : "down: " + face.problem())
                : "not connected: " + face.problem();
        return "MQTT publisher " + where + ": " + state + ", " + face.messagesPublished() + " messages published";
    }
}
