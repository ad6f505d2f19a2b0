package io.millwright.driver.mqtt.internal.shell;

import io.millwright.driver.mqtt.internal.MqttConnection;
import io.millwright.driver.mqtt.internal.MqttConnections;
import io.millwright.driver.mqtt.internal.TopicLog;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** The topics a connection has seen lately (the last 200), with counts and the last payload: what to map. */
@Service
@Command(scope = "millwright", name = "mqtt-topics",
        description = "Lists the topics an MQTT connection received lately, with message counts and the last payload")
public class MqttTopicsCommand implements Action {

    @Reference
    MqttConnections connections;

    @Argument(index = 0, name = "connection", required = true, description = "the connection id")
    @Completion(MqttConnectionCompleter.class)
    String connection;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        MqttConnection c = connections.find(connection);
        if (c == null) {
            throw new IllegalArgumentException("no MQTT connection '" + connection + "'; running: " + connections.ids());
        }
        out.println("Connection " + c.id() + " " + c.settings().uri() + (c.connected() ? " connected" : " NOT connected")
                + ", " + c.messageCount() + " messages, " + c.quarantinedCount() + " quarantined, "
                + c.rebirthRequests() + " rebirth requests, " + c.seqGaps() + " seq gaps");
        ShellTable table = new ShellTable();
        table.column("Topic");
        table.column("Messages");
        table.column("Mapped");
        table.column("Last");
        table.column("Last payload").maxSize(80);
        for (TopicLog.Entry e : c.topics().entries()) {
            table.addRow().addContent(e.topic(), e.messages(), e.mapped() ? "yes" : "no", e.last(), e.lastPayload());
        }
        table.print(out);
    }
}
