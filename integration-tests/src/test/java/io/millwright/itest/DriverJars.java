package io.millwright.itest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;

/**
 * Driver bundles "rebuilt" at a new version for update tests: the installed jar with another
 * Bundle-Version, and optionally broken so that none of its components can be created (every DS
 * implementation class renamed to one that does not exist), as a bad release would be.
 */
public final class DriverJars {

    private static final Pattern IMPLEMENTATION = Pattern.compile("(<implementation class=\")([^\"]+)(\")");

    private DriverJars() {
    }

    /** Writes {@code driver}'s jar as {@code version} into {@code dir}; returns the file. */
    public static Path rebuild(Bundle driver, String version, Path dir) throws IOException {
        return write(driver, version, false, dir);
    }

    /** As {@link #rebuild}, with every component's implementation class missing. */
    public static Path broken(Bundle driver, String version, Path dir) throws IOException {
        return write(driver, version, true, dir);
    }

    private static Path write(Bundle driver, String version, boolean broken, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(driver.getSymbolicName() + "-" + version + (broken ? "-broken" : "") + ".jar");
        try (InputStream in = new URL(driver.getLocation()).openStream();
             JarInputStream jar = new JarInputStream(in)) {
            Manifest manifest = new Manifest(jar.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (OutputStream out = Files.newOutputStream(target);
                 JarOutputStream copy = new JarOutputStream(out, manifest)) {
                for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                    byte[] bytes = jar.readAllBytes();
                    if (broken && entry.getName().startsWith("OSGI-INF/") && entry.getName().endsWith(".xml")) {
                        bytes = renameImplementation(bytes);
                    }
                    copy.putNextEntry(new JarEntry(entry.getName()));
                    copy.write(bytes);
                    copy.closeEntry();
                }
            }
        }
        return target;
    }

    private static byte[] renameImplementation(byte[] xml) {
        Matcher m = IMPLEMENTATION.matcher(new String(xml, StandardCharsets.UTF_8));
        return m.replaceAll("$1$2Missing$3").getBytes(StandardCharsets.UTF_8);
    }
}
