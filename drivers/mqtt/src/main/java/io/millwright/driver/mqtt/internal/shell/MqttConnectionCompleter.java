package io.millwright.driver.mqtt.internal.shell;

import io.millwright.driver.mqtt.internal.MqttConnections;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the ids of running MQTT connections. */
@Service
public class MqttConnectionCompleter implements Completer {

    @Reference
    MqttConnections connections;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(connections.ids()).complete(session, commandLine, candidates);
    }
}
