package io.millwright.platform.internal.update;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * A bundle jar copied to local disk first, so that what is checked is exactly what is installed
 * and a slow or failing URL cannot leave a half-updated driver.
 */
record IncomingJar(Path file, String source, String symbolicName, Version version, Attributes manifest) {

    static IncomingJar fetch(String url, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (InputStream in = new URL(url).openStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw new IOException("cannot read " + url + ": " + e, e);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        return read(file, url);
    }

    static IncomingJar read(Path file, String source) throws IOException {
        Manifest manifest;
        try (JarFile jar = new JarFile(file.toFile())) {
            manifest = jar.getManifest();
        } catch (IOException e) {
            throw new IOException(source + " is not a jar: " + e.getMessage(), e);
        }
        if (manifest == null || manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
            throw new IOException(source + " is not an OSGi bundle: its manifest has no Bundle-SymbolicName");
        }
        Attributes main = manifest.getMainAttributes();
        String name = HeaderClause.parse(main.getValue(Constants.BUNDLE_SYMBOLICNAME)).get(0).names().get(0);
        Version version = Version.parseVersion(main.getValue(Constants.BUNDLE_VERSION));
        return new IncomingJar(file, source, name, version, main);
    }
}
