package io.millwright.simulator.opcua.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateManager;
import org.eclipse.milo.opcua.stack.core.security.CertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.TrustListManager;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;

/**
 * The server's application certificate and the clients it trusts, under {@code pkiDir}: a
 * self-signed RSA-SHA256 certificate made on first start and kept in
 * {@code simulator-server.p12}; with {@code trustAllClients = false}, trusted client certificates
 * in {@code trusted/certs} and refused ones copied to {@code rejected/certs}.
 */
final class ServerCertificates implements Closeable {

    /** The application URI, also in the certificate; clients check that the two agree. */
    static final String APPLICATION_URI = "urn:millwright:simulator:server";
    static final String KEY_STORE = "simulator-server.p12";
    /** The key store protects nothing secret in a simulator; a fixed password keeps it simple. */
    private static final char[] KEY_STORE_PASSWORD = "millwright-simulator".toCharArray();

    private final CertificateManager manager;
    private final X509Certificate certificate;
    private final Closeable trustList;

    private ServerCertificates(CertificateManager manager, X509Certificate certificate, Closeable trustList) {
        this.manager = manager;
        this.certificate = certificate;
        this.trustList = trustList;
    }

    /** Loads the certificate from {@code pkiDir}, making it first if there is none. */
    static ServerCertificates open(OpcUaSettings settings) throws IOException {
        Path pki = settings.pkiDir();
        Closeable trustListToClose = null;
        try {
            Files.createDirectories(pki);
            KeyStoreCertificateStore store = KeyStoreCertificateStore.createAndInitialize(
                    new KeyStoreCertificateStore.Settings(pki.resolve(KEY_STORE), KEY_STORE_PASSWORD::clone,
                            alias -> KEY_STORE_PASSWORD.clone()));
            TrustListManager trust;
            CertificateQuarantine quarantine;
            CertificateValidator validator;
            if (settings.trustAllClients()) {
                trust = new MemoryTrustListManager();
                quarantine = new MemoryCertificateQuarantine();
                validator = new CertificateValidator.InsecureCertificateValidator();
            } else {
                FileBasedTrustListManager files = FileBasedTrustListManager.createAndInitialize(pki);
                trustListToClose = files;
                trust = files;
                quarantine = FileBasedCertificateQuarantine.create(pki.resolve("rejected").resolve("certs"));
                validator = new DefaultServerCertificateValidator(trust, quarantine);
            }
            DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(trust, store,
                    new SelfSigned(settings), validator);
            X509Certificate[] chain = group.getCertificateChain(NodeIds.RsaSha256ApplicationCertificateType)
                    .orElseThrow(() -> new IOException("no RSA-SHA256 certificate in " + pki.resolve(KEY_STORE)));
            return new ServerCertificates(new DefaultCertificateManager(quarantine, group), chain[0], trustListToClose);
        } catch (Exception e) {
            if (trustListToClose != null) {
                trustListToClose.close();
            }
            throw new IOException("simulator OPC UA: cannot load or create the server certificate in pkiDir "
                    + pki + ": " + e.getMessage(), e);
        }
    }

    CertificateManager manager() {
        return manager;
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** Stops watching the trust list directory, if it was watched. */
    @Override
    public void close() throws IOException {
        if (trustList != null) {
            trustList.close();
        }
    }

    /** Makes the server's self-signed certificate, naming every address clients may use. */
    private static final class SelfSigned extends RsaSha256CertificateFactory {

        private final OpcUaSettings settings;

        SelfSigned(OpcUaSettings settings) {
            this.settings = settings;
        }

        @Override
        protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) throws Exception {
            SelfSignedCertificateBuilder builder = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName("Millwright simulator")
                    .setOrganization("Millwright")
                    .setApplicationUri(APPLICATION_URI)
                    .setValidityPeriod(Period.ofYears(10));
            Set<String> names = new LinkedHashSet<>();
            names.add("localhost");
            names.add("127.0.0.1");
            names.add(settings.hostname());
            try {
                names.add(InetAddress.getLocalHost().getHostName());
            } catch (IOException e) {
                // no resolvable host name: localhost and the configured one will do
            }
            for (String name : names) {
                if (isIpAddress(name)) {
                    builder.addIpAddress(name);
                } else {
                    builder.addDnsName(name);
                }
            }
            return new X509Certificate[] {builder.build()};
        }

        private static boolean isIpAddress(String name) {
            return name.matches("[0-9.]+") || name.contains(":");
        }
    }
}
