package io.millwright.bench.boot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** How a distribution gets the SSH user the benchmark logs in with, each the way its own users would. */
enum Login {

    /** Millwright ships no user; its first-admin script stores a digest. */
    MILLWRIGHT_ADMIN {
        @Override
        void create(Path home, String user, String password) throws IOException, InterruptedException {
            ExternalCommand.runOk(home, Map.of(), password + "\n", Duration.ofMinutes(1),
                    "bin/millwright-admin", "add-user", user, "admin", "--password-stdin");
        }
    },

    /** Stock Karaf ships its user and admin group commented out in etc/users.properties. */
    USERS_PROPERTIES {
        @Override
        void create(Path home, String user, String password) throws IOException {
            ConfigFile.append(home.resolve("etc/users.properties"),
                    user + " = " + password + ",_g_:admingroup",
                    "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh");
        }
    };

    abstract void create(Path home, String user, String password) throws IOException, InterruptedException;
}
