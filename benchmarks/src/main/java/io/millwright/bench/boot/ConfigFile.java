package io.millwright.bench.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sets keys in a Karaf etc/*.cfg or *.properties file, replacing the first uncommented line for the key. */
final class ConfigFile {

    private ConfigFile() {
    }

    static void set(Path file, String key, String value) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, withValue(text, key, value), StandardCharsets.UTF_8);
    }

    static void append(Path file, String... lines) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        StringBuilder updated = new StringBuilder(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            updated.append('\n');
        }
        for (String line : lines) {
            updated.append(line).append('\n');
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }

    static String withValue(String text, String key, String value) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        String line = key + " = " + value;
        if (m.find()) {
            return text.substring(0, m.start()) + line + text.substring(m.end());
        }
        return text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + line + "\n";
    }
}
