package io.millwright.driver.mqtt.internal.config;

import java.nio.file.Path;

/** A key or trust store: file, password (never logged) and type. */
public record StoreSettings(Path path, char[] password, String type) {

    @Override
    public String toString() {
        return path + " (" + type + ", password " + (password == null || password.length == 0 ? "none" : "****") + ")";
    }
}
