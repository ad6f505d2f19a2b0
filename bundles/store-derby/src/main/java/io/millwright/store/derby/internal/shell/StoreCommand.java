package io.millwright.store.derby.internal.shell;

import io.millwright.store.derby.internal.backup.DerbyBackup;
import io.millwright.store.derby.internal.osgi.DerbyStoreComponent;
import java.nio.file.Path;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Where the store is, its schema, backups, retention and the outbox per consumer. */
@Service
@Command(scope = "millwright", name = "store", description = "Shows the store: database, backups, retention, outbox depth per consumer")
public class StoreCommand implements Action {

    @Reference
    DerbyStoreComponent store;

    @Override
    public Object execute() {
        if (store.database().isEmpty()) {
            System.out.println("Database:  " + store.location() + " NOT OPEN");
            System.out.println("           " + store.openFailure().orElse("opening"));
            return null;
        }
        System.out.println("Database:  " + store.location() + " (schema " + store.schemaVersion() + ")");
        Path backups = store.configuredBackupDirectory();
        System.out.println("Backups:   " + backups + ", " + DerbyBackup.backups(backups).size() + " kept, last "
                + store.lastBackup().map(Object::toString).orElse("none since start"));
        System.out.println("Retention: state changes " + store.config().stateChangesDays() + " d, downtimes "
                + store.config().downtimesDays() + " d, counts " + store.config().countsDays()
                + " d, delivered outbox " + store.config().deliveredOutboxDays() + " d, tag history "
                + store.config().tagHistoryDays() + " d; last purge " + store.lastPurge());
        ShellTable table = new ShellTable();
        table.column("Outbox consumer");
        table.column("Acknowledged up to").alignRight();
        table.column("Waiting").alignRight();
        for (Map.Entry<String, Long> cursor : store.cursors().entrySet()) {
            table.addRow().addContent(cursor.getKey(), cursor.getValue(), store.depth(cursor.getKey()));
        }
        System.out.println();
        table.print(System.out);
        return null;
    }
}
