package io.millwright.driver.opcua.internal.shell;

import io.millwright.driver.opcua.internal.pki.CertificateEntry;
import io.millwright.driver.opcua.internal.pki.Pki;
import java.io.IOException;
import java.util.List;

/** Prints the certificates of PKI folders: state, thumbprint, validity and subject. */
final class CertificateTable {

    private CertificateTable() {
    }

    static String format(List<Pki> pkis) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Pki pki : pkis) {
            b.append("PKI ").append(pki.root()).append('\n');
            List<CertificateEntry> entries = pki.list();
            if (entries.isEmpty()) {
                b.append("  (no trusted or rejected server certificates)\n");
                continue;
            }
            b.append(String.format("  %-8s %-40s %-10s %-10s %s%n", "State", "Thumbprint", "From", "Until", "Subject"));
            for (CertificateEntry e : entries) {
                b.append(String.format("  %-8s %-40s %-10s %-10s %s%n", e.state(), e.thumbprint(),
                        e.notBefore().toString().substring(0, 10), e.notAfter().toString().substring(0, 10), e.subject()));
            }
        }
        return b.toString();
    }
}
