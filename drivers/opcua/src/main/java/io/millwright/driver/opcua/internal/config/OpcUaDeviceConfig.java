package io.millwright.driver.opcua.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * An OPC UA server, one file per server: {@code etc/io.millwright.driver.opcua-<name>.cfg}. Tags
 * are {@code tag.<name> = <nodeId> [type] [sampling=ms] [deadband=x] [historize=true]} and/or a CSV
 * {@code tagFile}. Numbers are text here so that the parser, not Config Admin, reports a wrong
 * value by its key.
 */
@ObjectClassDefinition(name = "Millwright OPC UA device", description = "One OPC UA server: where it is, how to log in, its tags")
public @interface OpcUaDeviceConfig {

    @AttributeDefinition(description = "Unique device id: letters, digits, '.', '_', '-'")
    String id();

    @AttributeDefinition(description = "opc.tcp://<host>:<port>[/path]")
    String endpointUrl();

    @AttributeDefinition(required = false, description = "None, Basic256Sha256, Aes128_Sha256_RsaOaep or Aes256_Sha256_RsaPss")
    String securityPolicy() default "None";

    @AttributeDefinition(required = false, description = "None, Sign or SignAndEncrypt (default SignAndEncrypt with a policy other than None)")
    String securityMode() default "";

    @AttributeDefinition(required = false, description = "anonymous, username or x509")
    String identity() default "anonymous";

    @AttributeDefinition(required = false, description = "User name, with identity=username")
    String username() default "";

    @AttributeDefinition(required = false, type = AttributeType.PASSWORD, description = "Password, with identity=username")
    String password() default "";

    @AttributeDefinition(required = false, description = "User certificate file (PEM or DER), with identity=x509, relative to etc/")
    String userCertificate() default "";

    @AttributeDefinition(required = false, description = "User private key file (PKCS#8 PEM), with identity=x509, relative to etc/")
    String userPrivateKey() default "";

    @AttributeDefinition(required = false, description = "Trust the server certificate the first time it is seen (otherwise it must be trusted with opcua-certs)")
    String trustOnFirstUse() default "false";

    @AttributeDefinition(required = false, description = "Most monitored items in one subscription")
    String maxItemsPerSubscription() default "1000";

    @AttributeDefinition(required = false, description = "Publishing interval in milliseconds; also the default sampling interval")
    String publishingInterval() default "1000";

    @AttributeDefinition(required = false, description = "Request timeout in milliseconds")
    String requestTimeout() default "10000";

    @AttributeDefinition(required = false, description = "Longest wait between connect attempts, in milliseconds")
    String reconnectMaxDelay() default "30000";

    @AttributeDefinition(required = false, description = "PKI folder (own/, trusted/, rejected/), relative to etc/; default etc/opcua/pki")
    String pkiDir() default "";

    @AttributeDefinition(required = false, description = "CSV tag file (name,nodeId,type,samplingInterval,deadband,historize), relative to etc/")
    String tagFile() default "";
}
