package io.millwright.driver.opcua.internal.pki;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PKI folder: {@code own/} holds the client's certificate and key (made on first use),
 * {@code trusted/} the server certificates the client accepts, {@code rejected/} those it refused.
 * A person moves certificates between the two with {@code opcua-certs}, or by moving the files.
 * Methods are synchronized: devices sharing the folder share one instance.
 */
public final class Pki {

    public static final String APPLICATION_URI_PREFIX = "urn:millwright:opcua-client:";
    private static final Logger LOG = LoggerFactory.getLogger(Pki.class);

    private final Path root;
    private ClientCertificate own;

    public Pki(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path trustedDir() {
        return root.resolve("trusted");
    }

    public Path rejectedDir() {
        return root.resolve("rejected");
    }

    public Path ownDir() {
        return root.resolve("own");
    }

    /** The client certificate and key from {@code own/}, created (self-signed, 5 years) when missing. */
    public synchronized ClientCertificate clientCertificate() throws IOException {
        if (own != null) {
            return own;
        }
        createFolders();
        Path certFile = ownDir().resolve("client-cert.der");
        Path keyFile = ownDir().resolve("client-key.pem");
        if (Files.isRegularFile(certFile) && Files.isRegularFile(keyFile)) {
            X509Certificate cert = PemFiles.readCertificates(certFile).get(0);
            PrivateKey key = PemFiles.readPrivateKey(keyFile);
            String uri = CertificateUtil.getSanUri(cert).orElseThrow(() ->
                    new IOException(certFile + " has no application URI in its subject alternative name"));
            own = new ClientCertificate(cert, new KeyPair(cert.getPublicKey(), key), uri);
            return own;
        }
        own = create(certFile, keyFile);
        return own;
    }

    private ClientCertificate create(Path certFile, Path keyFile) throws IOException {
        String host = hostName();
        String uri = APPLICATION_URI_PREFIX + host;
        try {
            KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            X509Certificate cert = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName("Millwright OPC UA client@" + host)
                    .setOrganization("Millwright")
                    .setApplicationUri(uri)
                    .addDnsName(host)
                    .setValidityPeriod(Period.ofYears(5))
                    .build();
            PemFiles.writePrivateKey(keyFile, keyPair.getPrivate());
            PemFiles.writeDer(certFile, cert);
            LOG.info("OPC UA client certificate created in {} (thumbprint {}, application URI {})", ownDir(),
                    PemFiles.thumbprint(cert), uri);
            return new ClientCertificate(cert, keyPair, uri);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot create the OPC UA client certificate in " + ownDir() + ": " + e.getMessage(), e);
        }
    }

    /** @return whether a certificate with this thumbprint is in {@code trusted/} */
    public synchronized boolean isTrusted(X509Certificate certificate) throws IOException {
        String thumbprint = PemFiles.thumbprint(certificate);
        for (CertificateEntry e : entries("trusted", trustedDir())) {
            if (e.thumbprint().equals(thumbprint)) {
                return true;
            }
        }
        return false;
    }

    /** Writes a certificate into {@code trusted/} (trust on first use). */
    public synchronized void addTrusted(X509Certificate certificate) throws IOException {
        createFolders();
        PemFiles.writeDer(trustedDir().resolve(fileName(certificate)), certificate);
    }

    /** Writes a refused certificate into {@code rejected/}, once. */
    public synchronized void addRejected(X509Certificate certificate) throws IOException {
        createFolders();
        Path file = rejectedDir().resolve(fileName(certificate));
        if (!Files.exists(file)) {
            PemFiles.writeDer(file, certificate);
        }
    }

    /** Trusted then rejected certificates. */
    public synchronized List<CertificateEntry> list() throws IOException {
        List<CertificateEntry> all = new ArrayList<>(entries("trusted", trustedDir()));
        all.addAll(entries("rejected", rejectedDir()));
        return all;
    }

    /** Moves a rejected certificate to {@code trusted/}. */
    public synchronized CertificateEntry trust(String thumbprint) throws IOException {
        return move(thumbprint, "rejected", rejectedDir(), "trusted", trustedDir());
    }

    /** Moves a trusted certificate to {@code rejected/}. */
    public synchronized CertificateEntry reject(String thumbprint) throws IOException {
        return move(thumbprint, "trusted", trustedDir(), "rejected", rejectedDir());
    }

    private CertificateEntry move(String thumbprint, String fromState, Path from, String toState, Path to)
            throws IOException {
        String wanted = thumbprint.replace(":", "").trim().toUpperCase(Locale.ROOT);
        for (CertificateEntry e : entries(fromState, from)) {
            if (e.thumbprint().equals(wanted)) {
                createFolders();
                Path target = to.resolve(e.file().getFileName());
                Files.move(e.file(), target, StandardCopyOption.REPLACE_EXISTING);
                return new CertificateEntry(toState, e.thumbprint(), e.subject(), e.notBefore(), e.notAfter(), target);
            }
        }
        throw new IllegalArgumentException("no " + fromState + " certificate with thumbprint " + wanted + " in " + from);
    }

    private static List<CertificateEntry> entries(String state, Path dir) throws IOException {
        List<CertificateEntry> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{der,crt,cer,pem}")) {
            for (Path f : files) {
                try {
                    entries.add(CertificateEntry.of(state, PemFiles.readCertificates(f).get(0), f));
                } catch (IOException e) {
                    LOG.warn("OPC UA PKI: skipping {}: {}", f, e.getMessage());
                }
            }
        }
        entries.sort((a, b) -> a.file().compareTo(b.file()));
        return entries;
    }

    private void createFolders() throws IOException {
        Files.createDirectories(ownDir());
        Files.createDirectories(trustedDir());
        Files.createDirectories(rejectedDir());
    }

    private static String fileName(X509Certificate c) {
        String cn = c.getSubjectX500Principal().getName().replaceAll("[^A-Za-z0-9._=-]+", "_");
        if (cn.length() > 60) {
            cn = cn.substring(0, 60);
        }
        return cn + " [" + PemFiles.thumbprint(c) + "].der";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
