package io.millwright.driver.opcua.internal.pki;

import java.io.IOException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a device accepts its server's certificate: only if it is in {@code trusted/} and
 * within its validity; otherwise it is written to {@code rejected/} and the connection refused,
 * unless the device file says {@code trustOnFirstUse=true}, in which case the first certificate
 * seen is trusted and logged.
 */
public final class ServerCertificateCheck implements CertificateValidator {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCertificateCheck.class);

    private final String deviceId;
    private final Pki pki;
    private final boolean trustOnFirstUse;
    private final Consumer<String> rejected;

    /** @param rejected told why a certificate was refused, for the device's status detail */
    public ServerCertificateCheck(String deviceId, Pki pki, boolean trustOnFirstUse, Consumer<String> rejected) {
        this.deviceId = deviceId;
        this.pki = pki;
        this.trustOnFirstUse = trustOnFirstUse;
        this.rejected = rejected;
    }

    @Override
    public void validateCertificateChain(List<X509Certificate> chain, String applicationUri, String[] validHostNames)
            throws UaException {
        if (chain == null || chain.isEmpty()) {
            throw refuse(StatusCodes.Bad_CertificateInvalid, "the server sent no certificate");
        }
        X509Certificate leaf = chain.get(0);
        String thumbprint = PemFiles.thumbprint(leaf);
        String subject = leaf.getSubjectX500Principal().getName();
        try {
            if (!pki.isTrusted(leaf)) {
                if (!trustOnFirstUse) {
                    pki.addRejected(leaf);
                    throw refuse(StatusCodes.Bad_CertificateUntrusted, "server certificate " + thumbprint + " (" + subject
                            + ") is not trusted; it was written to " + pki.rejectedDir()
                            + "; trust it with: millwright:opcua-certs --trust " + thumbprint);
                }
                pki.addTrusted(leaf);
                LOG.warn("OPC UA device {}: trusted server certificate {} ({}) on first use (trustOnFirstUse=true)", deviceId,
                        thumbprint, subject);
            }
        } catch (IOException e) {
            throw refuse(StatusCodes.Bad_SecurityChecksFailed, "cannot read the PKI folder " + pki.root() + ": " + e.getMessage());
        }
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw refuse(StatusCodes.Bad_CertificateTimeInvalid, "server certificate " + thumbprint + " (" + subject
                    + ") is outside its validity " + leaf.getNotBefore().toInstant() + " to " + leaf.getNotAfter().toInstant());
        }
    }

    private UaException refuse(long status, String message) {
        rejected.accept(message);
        return new UaException(status, "OPC UA device " + deviceId + ": " + message);
    }
}
