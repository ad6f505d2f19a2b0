package io.millwright.driver.opcua.internal.shell;

import io.millwright.driver.opcua.internal.OpcUaDevices;
import io.millwright.driver.opcua.internal.pki.CertificateEntry;
import io.millwright.driver.opcua.internal.pki.Pki;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * Lists the trusted and rejected server certificates of every PKI folder in use, and moves one
 * between them by thumbprint: {@code --trust} (a device waiting on it connects at its next
 * attempt) or {@code --reject}.
 */
@Service
@Command(scope = "millwright", name = "opcua-certs",
        description = "Lists trusted and rejected OPC UA server certificates; --trust or --reject <thumbprint> moves one")
public class OpcUaCertsCommand implements Action {

    @Reference
    OpcUaDevices devices;

    @Option(name = "--trust", description = "Thumbprint of a rejected certificate to trust")
    String trust;

    @Option(name = "--reject", description = "Thumbprint of a trusted certificate to reject")
    String reject;

    /**
     * Prints what {@link #run} says: a command's return value is shown at the console prompt but
     * not through bin/client or ssh with a command, so scripts would get nothing.
     */
    @Override
    public Object execute() throws Exception {
        System.out.println(run().stripTrailing());
        return null;
    }

    /** The command's output. */
    String run() throws Exception {
        if (trust != null && reject != null) {
            throw new IllegalArgumentException("give --trust or --reject, not both");
        }
        if (trust != null || reject != null) {
            return move(trust != null, trust != null ? trust : reject);
        }
        return CertificateTable.format(devices.pkis());
    }

    private String move(boolean toTrusted, String thumbprint) throws Exception {
        List<String> misses = new ArrayList<>();
        for (Pki pki : devices.pkis()) {
            try {
                CertificateEntry e = toTrusted ? pki.trust(thumbprint) : pki.reject(thumbprint);
                return (toTrusted ? "Trusted " : "Rejected ") + e.thumbprint() + " (" + e.subject() + "), now in " + e.file();
            } catch (IllegalArgumentException e) {
                misses.add(e.getMessage());
            }
        }
        throw new IllegalArgumentException(String.join("; ", misses));
    }
}
