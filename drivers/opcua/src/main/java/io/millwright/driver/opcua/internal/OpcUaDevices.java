package io.millwright.driver.opcua.internal;

import io.millwright.api.health.HealthCheck;
import io.millwright.driver.opcua.internal.client.OpcUaDevice;
import io.millwright.driver.opcua.internal.pki.Pki;
import io.millwright.driver.support.DeviceRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * The OPC UA devices of this bundle, by id: keeps ids unique across device files, hands out one
 * {@link Pki} per PKI folder (devices sharing a folder share its client certificate), lets the
 * shell find devices and PKI folders, and reports refused device files to {@code millwright:health}.
 */
@Component(service = {OpcUaDevices.class, HealthCheck.class})
public class OpcUaDevices extends DeviceRegistry<OpcUaDevice> {

    private final Map<Path, Pki> pkis = new LinkedHashMap<>();

    public OpcUaDevices() {
        super("opcua");
    }

    /** The default PKI folder: {@code ${karaf.etc}/opcua/pki}. */
    public static Path defaultPkiDir() {
        return Path.of(System.getProperty("karaf.etc", "etc"), "opcua", "pki").toAbsolutePath().normalize();
    }

    /** The one {@link Pki} for a folder. */
    public synchronized Pki pki(Path dir) {
        return pkis.computeIfAbsent(dir.toAbsolutePath().normalize(), Pki::new);
    }

    /** Every PKI folder in use, the default first. */
    public synchronized List<Pki> pkis() {
        pki(defaultPkiDir());
        return new ArrayList<>(pkis.values());
    }
}
