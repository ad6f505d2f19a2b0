package io.millwright.platform.internal.shell;

import io.millwright.platform.internal.ProfileCatalog;
import org.apache.karaf.features.Feature;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Lists the plant profiles this distribution offers and which are installed. */
@Service
@Command(scope = "millwright", name = "profiles", description = "Lists the plant profiles and which are installed")
public class ProfilesCommand implements Action {

    @Reference
    ProfileCatalog catalog;

    @Override
    public Object execute() throws Exception {
        ShellTable table = new ShellTable();
        table.column("Profile");
        table.column("Version");
        table.column("Installed");
        table.column("What it is for").wrap();
        for (Feature profile : catalog.profiles()) {
            table.addRow().addContent(profile.getName(), profile.getVersion(),
                    catalog.isInstalled(profile) ? "yes" : "no", catalog.summary(profile));
        }
        table.print(System.out);
        return null;
    }
}
