package io.millwright.platform.internal.shell;

import io.millwright.platform.internal.ProfileCatalog;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Installs a plant profile; admin only (see etc/org.apache.karaf.command.acl.millwright.cfg). */
@Service
@Command(scope = "millwright", name = "profile-install",
        description = "Installs a plant profile, refreshing only the bundles it must")
public class ProfileInstallCommand implements Action {

    @Reference
    ProfileCatalog catalog;

    @Argument(index = 0, name = "profile", required = true, description = "Profile name, as millwright:profiles lists it")
    String profile;

    @Override
    public Object execute() throws Exception {
        System.out.println(catalog.install(profile));
        return null;
    }
}
