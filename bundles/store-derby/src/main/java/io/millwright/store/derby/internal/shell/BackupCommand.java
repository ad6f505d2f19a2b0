package io.millwright.store.derby.internal.shell;

import io.millwright.store.derby.internal.osgi.DerbyStoreComponent;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.api.action.Completion;

/** Takes an online backup of the store now. */
@Service
@Command(scope = "millwright", name = "backup", description = "Backs the store up now, while it keeps writing")
public class BackupCommand implements Action {

    @Reference
    DerbyStoreComponent store;

    @Argument(index = 0, name = "dir", required = false, description = "Target folder (default: the configured backup folder)")
    @Completion(FileCompleter.class)
    String directory;

    @Override
    public Object execute() {
        Path copy = store.backupNow(directory);
        System.out.println("Backup written to " + copy + " (keeping the newest " + store.config().backupKeep() + ")");
        return null;
    }
}
