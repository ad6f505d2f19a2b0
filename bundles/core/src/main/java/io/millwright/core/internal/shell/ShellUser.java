package io.millwright.core.internal.shell;

import java.security.AccessController;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/** The user running a shell command, for the who of an audited change. */
final class ShellUser {

    private ShellUser() {
    }

    @SuppressWarnings("removal")
    static String current() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            return "console";
        }
        return subject.getPrincipals(UserPrincipal.class).stream().map(UserPrincipal::getName).findFirst()
                .orElse("unknown");
    }
}
