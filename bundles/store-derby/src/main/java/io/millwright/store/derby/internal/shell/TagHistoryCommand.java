package io.millwright.store.derby.internal.shell;

import io.millwright.store.derby.internal.osgi.DerbyStoreComponent;
import io.millwright.store.derby.internal.taghistory.DerbyTagHistory;
import io.millwright.store.derby.internal.taghistory.TagHistoryPoint;
import java.time.Instant;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Shows the stored history of one historized tag over a window (read only). */
@Service
@Command(scope = "millwright", name = "tag-history", description = "Shows the stored history of a historized tag: time, value, quality")
public class TagHistoryCommand implements Action {

    @Reference
    DerbyStoreComponent store;

    @Argument(index = 0, name = "device", required = true, description = "Device id")
    String device;

    @Argument(index = 1, name = "tag", required = true, description = "Tag name")
    String tag;

    @Option(name = "--from", description = "Start: an ISO instant or a duration back from now (1h, 30m, 2d); default 1h")
    String from = "1h";

    @Option(name = "--to", description = "End (exclusive): an ISO instant or a duration back from now; default now")
    String to;

    @Option(name = "--max", description = "At most this many values (the oldest first); default 1000")
    int max = 1_000;

    @Override
    public Object execute() {
        Instant now = Instant.now();
        Instant start = TimeArgument.parse("--from", from, now);
        Instant end = to == null ? now : TimeArgument.parse("--to", to, now);
        List<TagHistoryPoint> points = new DerbyTagHistory(store.requireDatabase())
                .history(device, tag, start, end, max + 1);
        System.out.println(device + "/" + tag + " from " + start + " to " + end);
        ShellTable table = new ShellTable();
        table.column("Time");
        table.column("Value").alignRight();
        table.column("Quality");
        for (TagHistoryPoint point : points.subList(0, Math.min(max, points.size()))) {
            table.addRow().addContent(point.time(), point.value(),
                    point.reason() == null ? point.quality() : point.quality() + " (" + point.reason() + ")");
        }
        table.print(System.out);
        if (points.size() > max) {
            System.out.println("More than " + max + " values: narrow the window or raise --max");
        } else if (points.isEmpty()) {
            System.out.println("No values stored in this window (is the tag marked historized?)");
        }
        return null;
    }
}
