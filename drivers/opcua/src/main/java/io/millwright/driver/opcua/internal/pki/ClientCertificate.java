package io.millwright.driver.opcua.internal.pki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

/** The client's application certificate, its key pair, and the application URI its SAN carries. */
public record ClientCertificate(X509Certificate certificate, KeyPair keyPair, String applicationUri) {
}
