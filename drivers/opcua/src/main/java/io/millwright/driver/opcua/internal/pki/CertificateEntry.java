package io.millwright.driver.opcua.internal.pki;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;

/** A server certificate in the PKI folder: trusted or rejected, with what a person needs to decide. */
public record CertificateEntry(String state, String thumbprint, String subject, Instant notBefore, Instant notAfter,
                               Path file) {

    static CertificateEntry of(String state, X509Certificate c, Path file) {
        return new CertificateEntry(state, PemFiles.thumbprint(c), c.getSubjectX500Principal().getName(),
                c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), file);
    }
}
