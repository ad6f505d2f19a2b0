package io.millwright.platform.internal;

import java.security.AccessController;
import java.security.Principal;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/** Who runs the current shell command: the user principal of the session's JAAS subject. */
public final class ShellUser {

    private ShellUser() {
    }

    /** The user name, or a placeholder saying there was none (a call from outside a shell session). */
    @SuppressWarnings("removal")
    public static String current() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            return "(no user)";
        }
        return subject.getPrincipals().stream()
                .filter(UserPrincipal.class::isInstance)
                .map(Principal::getName)
                .findFirst()
                .orElse("(unknown user)");
    }
}
