package io.millwright.driver.opcua.internal.config;

import java.nio.file.Path;

/**
 * How a device logs in: anonymously, with a user name and password, or with an X.509 user
 * certificate and its key. {@link #toString()} never shows the password.
 */
public record Identity(Kind kind, String username, String password, Path certificate, Path privateKey) {

    /** The identity kinds, as the {@code identity} key names them. */
    public enum Kind { anonymous, username, x509 }

    public static Identity anonymous() {
        return new Identity(Kind.anonymous, null, null, null, null);
    }

    @Override
    public String toString() {
        switch (kind) {
            case username:
                return "username " + username + " (password hidden)";
            case x509:
                return "x509 " + certificate + " (key " + privateKey + ")";
            default:
                return "anonymous";
        }
    }
}
