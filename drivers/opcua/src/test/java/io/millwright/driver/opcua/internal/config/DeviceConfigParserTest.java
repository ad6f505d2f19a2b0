package io.millwright.driver.opcua.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.driver.support.config.ConfigRefusedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceConfigParserTest {

    @TempDir
    Path etc;

    private Map<String, Object> base() {
        Map<String, Object> p = new HashMap<>();
        p.put("id", "line1");
        p.put("endpointUrl", "opc.tcp://plc1:4840");
        p.put("tag.speed", "ns=2;s=Line 1.Speed double sampling=250 deadband=0.5 historize=true");
        return p;
    }

    private DeviceSettings parse(Map<String, Object> p) throws ConfigRefusedException {
        return new DeviceConfigParser(etc, etc.resolve("opcua/pki")).parse(p);
    }

    @Test
    void defaultsAndInlineTagWithSpacesInTheNodeId() throws Exception {
        DeviceSettings s = parse(base());
        assertThat(s.securityPolicy()).isEqualTo(Policy.None);
        assertThat(s.securityMode()).isEqualTo(SecurityMode.None);
        assertThat(s.identity().kind()).isEqualTo(Identity.Kind.anonymous);
        assertThat(s.trustOnFirstUse()).isFalse();
        assertThat(s.maxItemsPerSubscription()).isEqualTo(1000);
        assertThat(s.publishingIntervalMs()).isEqualTo(1000);
        assertThat(s.pkiDir()).isEqualTo(etc.resolve("opcua/pki"));
        TagDefinition t = s.tag("speed");
        assertThat(t.nodeId()).isEqualTo("ns=2;s=Line 1.Speed");
        assertThat(t.type()).isEqualTo(TagType.DOUBLE);
        assertThat(t.samplingMs()).isEqualTo(250);
        assertThat(t.deadband()).isEqualTo(0.5);
        assertThat(t.historize()).isTrue();
    }

    @Test
    void csvTagsAreReadAndErrorsNameFileLineAndColumn() throws Exception {
        Files.writeString(etc.resolve("tags.csv"), "name,nodeId,type,samplingInterval,deadband,historize\n"
                + "count,ns=2;i=17,long,100,,true\n# comment\nbatch,ns=2;s=Batch,string,,,\n");
        Map<String, Object> p = base();
        p.put("tagFile", "tags.csv");
        DeviceSettings s = parse(p);
        assertThat(s.tags()).extracting(TagDefinition::name).containsExactly("speed", "count", "batch");
        assertThat(s.tag("count").samplingMs()).isEqualTo(100);

        Files.writeString(etc.resolve("bad.csv"), "name,nodeId,type\nok,ns=2;s=A,double\nbroken,ns=2;s=B,complex\n");
        p.put("tagFile", "bad.csv");
        assertThatThrownBy(() -> parse(p)).isInstanceOf(ConfigRefusedException.class)
                .hasMessageContaining("bad.csv line 3 column 3 (type)").hasMessageContaining("complex");
    }

    @Test
    void invalidValuesAreRefusedByKey() {
        assertRefused("endpointUrl", "http://plc1", "endpointUrl");
        assertRefused("securityPolicy", "Basic128Rsa15", "securityPolicy");
        assertRefused("securityMode", "Encrypt", "securityMode");
        assertRefused("maxItemsPerSubscription", "0", "maxItemsPerSubscription");
        assertRefused("publishingInterval", "fast", "publishingInterval");
        assertRefused("tag.speed", "not a node id", "tag.speed");
        assertRefused("tag.speed", "ns=2;s=X bool deadband=1", "tag.speed");
        assertRefused("identity", "kerberos", "identity");
        assertRefused("trustOnFirstUse", "yes", "trustOnFirstUse");
    }

    @Test
    void policyWithoutModeMeansSignAndEncryptAndNoneMustMatch() throws Exception {
        Map<String, Object> p = base();
        p.put("securityPolicy", "Basic256Sha256");
        assertThat(parse(p).securityMode()).isEqualTo(SecurityMode.SignAndEncrypt);
        p.put("securityMode", "None");
        assertThatThrownBy(() -> parse(p)).hasMessageStartingWith("securityMode:");
    }

    @Test
    void passwordNeverAppearsInSettingsOrRefusals() throws Exception {
        Map<String, Object> p = base();
        p.put("identity", "username");
        p.put("username", "operator");
        p.put("password", "s3cr3t-Pa55");
        DeviceSettings s = parse(p);
        assertThat(s.identity().password()).isEqualTo("s3cr3t-Pa55");
        assertThat(s.toString()).contains("operator").doesNotContain("s3cr3t-Pa55");
        p.put("maxItemsPerSubscription", "lots");
        assertThatThrownBy(() -> parse(p)).satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-Pa55"));
        p.remove("maxItemsPerSubscription");
        p.remove("password");
        assertThatThrownBy(() -> parse(p)).hasMessageStartingWith("password:");
    }

    @Test
    void x509FilesAreReadAtLoadAndAMissingOrUnusableOneIsRefusedByKeyAndPath() throws Exception {
        KeyPair pair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        Files.createDirectories(etc.resolve("opcua"));
        Files.write(etc.resolve("opcua/user-cert.der"), new SelfSignedCertificateBuilder(pair).setCommonName("u").build()
                .getEncoded());
        Map<String, Object> p = base();
        p.put("identity", "x509");
        p.put("userCertificate", "opcua/user-cert.der");
        p.put("userPrivateKey", "opcua/user-key.pem");
        Path keyFile = etc.resolve("opcua/user-key.pem");
        assertThatThrownBy(() -> parse(p)).isInstanceOf(ConfigRefusedException.class)
                .hasMessageStartingWith("userPrivateKey:").hasMessageContaining(keyFile.toString())
                .hasMessageContaining("no such file");

        // a traditional "BEGIN RSA PRIVATE KEY" file (openssl genrsa) needs openssl pkcs8 -topk8 first
        String base64 = Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded());
        Files.writeString(keyFile, "-----BEGIN RSA PRIVATE KEY-----\n" + base64 + "\n-----END RSA PRIVATE KEY-----\n",
                StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> parse(p)).hasMessageStartingWith("userPrivateKey:")
                .hasMessageContaining("not an unencrypted PKCS#8 PEM key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(base64.substring(100, 164)));

        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n",
                StandardCharsets.US_ASCII);
        Identity identity = parse(p).identity();
        assertThat(identity.kind()).isEqualTo(Identity.Kind.x509);
        assertThat(identity.certificate()).isEqualTo(etc.resolve("opcua/user-cert.der"));
        assertThat(identity.privateKey()).isEqualTo(keyFile);

        p.put("userCertificate", "opcua/nowhere.pem");
        assertThatThrownBy(() -> parse(p)).hasMessageStartingWith("userCertificate:")
                .hasMessageContaining(etc.resolve("opcua/nowhere.pem").toString());
    }

    private void assertRefused(String key, String value, String where) {
        Map<String, Object> p = base();
        p.put(key, value);
        assertThatThrownBy(() -> parse(p)).isInstanceOf(ConfigRefusedException.class)
                .satisfies(e -> assertThat(((ConfigRefusedException) e).where()).isEqualTo(where));
    }
}
