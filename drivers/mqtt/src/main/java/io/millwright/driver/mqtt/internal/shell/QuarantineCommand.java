package io.millwright.driver.mqtt.internal.shell;

import io.millwright.api.quarantine.Quarantine;
import io.millwright.api.quarantine.QuarantinedPayload;
import io.millwright.driver.mqtt.internal.MqttConnection;
import io.millwright.driver.mqtt.internal.MqttConnections;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** The MQTT payloads in quarantine: list them, show one, or replay one through its connection's mapping. */
@Service
@Command(scope = "millwright", name = "quarantine",
        description = "Lists quarantined MQTT payloads, shows one, or replays one through its connection's current mapping")
public class QuarantineCommand implements Action {

    static final String PREFIX = "mqtt:";

    @Reference
    MqttConnections connections;

    @Option(name = "--list", description = "list the newest entries (the default)")
    boolean list;

    @Option(name = "--show", description = "show one entry with its payload")
    long show = -1;

    @Option(name = "--replay", description = "run one entry through its connection's current mapping; removed from quarantine when a device uses it (admin)")
    long replay = -1;

    @Option(name = "--max", description = "how many entries --list shows")
    int max = 50;

    @Override
    public Object execute() {
        run(System.out);
        return null;
    }

    void run(PrintStream out) {
        if ((list ? 1 : 0) + (show >= 0 ? 1 : 0) + (replay >= 0 ? 1 : 0) > 1) {
            throw new IllegalArgumentException("give one of --list, --show <id>, --replay <id>");
        }
        Quarantine q = connections.quarantine();
        if (show >= 0) {
            QuarantinedPayload p = entry(q, show);
            out.println("Id:      " + p.id());
            out.println("At:      " + p.at());
            out.println("Source:  " + p.source());
            out.println("Topic:   " + p.topic());
            out.println("Reason:  " + p.reason());
            out.println("Bytes:   " + p.payload().length);
            out.println("Text:    " + printable(p.payload()));
            out.println("Hex:     " + HexFormat.of().formatHex(p.payload(), 0, Math.min(p.payload().length, 512)));
            return;
        }
        if (replay >= 0) {
            QuarantinedPayload p = entry(q, replay);
            String connectionId = p.source().substring(PREFIX.length());
            MqttConnection c = connections.find(connectionId);
            if (c == null) {
                throw new IllegalStateException("entry " + p.id() + " came from MQTT connection '" + connectionId
                        + "', which is not running; running: " + connections.ids());
            }
            String refusal = c.replay(p.topic(), p.payload());
            if (refusal != null) {
                throw new IllegalStateException("entry " + p.id() + " is still refused, kept in quarantine: " + refusal);
            }
            // held entries move to the service when it returns, and take new ids: remove only this one
            if (!q.get(p.id()).filter(now -> now.topic().equals(p.topic()) && Arrays.equals(now.payload(), p.payload()))
                    .map(now -> q.remove(now.id())).orElse(false)) {
                out.println("Replayed entry " + p.id() + " from " + p.topic() + " through connection " + connectionId
                        + "; it moved to the Quarantine service meanwhile: remove it there (--list)");
                return;
            }
            out.println("Replayed entry " + p.id() + " from " + p.topic() + " through connection " + connectionId
                    + "; removed from quarantine");
            return;
        }
        String held = connections.quarantineHeldBecause();
        out.println(held == null ? "Quarantine service" : "Held in memory until the Quarantine service takes them: " + held);
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("At");
        table.column("Source");
        table.column("Topic");
        table.column("Bytes");
        table.column("Reason").maxSize(100);
        for (QuarantinedPayload p : newest(q)) {
            table.addRow().addContent(p.id(), p.at(), p.source(), p.topic(), p.payload().length, p.reason());
        }
        table.print(out);
    }

    /** The newest {@code max} entries of every MQTT connection, running or not (a removed file's entries stay). */
    private List<QuarantinedPayload> newest(Quarantine q) {
        Map<Long, QuarantinedPayload> byId = new TreeMap<>(Comparator.reverseOrder());
        for (String id : connections.ids()) {
            q.list(PREFIX + id, max).forEach(p -> byId.put(p.id(), p));
        }
        q.list(null, max).stream().filter(p -> p.source().startsWith(PREFIX)).forEach(p -> byId.put(p.id(), p));
        return byId.values().stream().limit(max).toList();
    }

    private static QuarantinedPayload entry(Quarantine q, long id) {
        QuarantinedPayload p = q.get(id).orElseThrow(() -> new IllegalArgumentException("no quarantine entry " + id));
        if (!p.source().startsWith(PREFIX)) {
            throw new IllegalArgumentException("quarantine entry " + id + " is from " + p.source() + ", not an MQTT connection");
        }
        return p;
    }

    private static String printable(byte[] payload) {
        String text = new String(payload, 0, Math.min(payload.length, 2048), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        for (char ch : text.toCharArray()) {
            sb.append(ch >= 0x20 && ch != 0x7F && ch != '\uFFFD' ? ch : '.');
        }
        return sb.toString();
    }
}
