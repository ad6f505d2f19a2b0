package io.millwright.simulator.opcua.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The simulator's OPC UA server, one for every simulated machine: {@code etc/io.millwright.simulator.opcua.cfg}
 * (an empty file gives these defaults). Numbers and flags are read as text so that a mistake is
 * refused with its key; {@link OpcUaSettings} checks them.
 */
@ObjectClassDefinition(name = "Millwright simulator OPC UA server",
        description = "Serves every simulated machine as a folder of variables over OPC UA (opc.tcp)")
public @interface OpcUaConfig {

    @AttributeDefinition(required = false, description = "TCP port of the opc.tcp endpoint")
    String port() default "4840";

    @AttributeDefinition(required = false, description = "Address to listen on; 0.0.0.0 for every interface")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(required = false,
            description = "Host name in the endpoint URLs and the certificate; empty: the bind address (localhost for 0.0.0.0)")
    String hostname() default "";

    @AttributeDefinition(required = false, description = "Path of the endpoint URL, e.g. /simulator; empty for none")
    String path() default "";

    @AttributeDefinition(required = false,
            description = "Security policies offered, separated by ',' or ';': None, Basic256Sha256, Aes128_Sha256_RsaOaep, Aes256_Sha256_RsaPss (all but None with SignAndEncrypt)")
    String securityPolicies() default "None,Basic256Sha256";

    @AttributeDefinition(required = false, description = "Accept anonymous sessions")
    String allowAnonymous() default "true";

    @AttributeDefinition(required = false, description = "User name accepted with 'password'; empty for none")
    String user() default "";

    @AttributeDefinition(required = false, description = "Password of 'user'")
    String password() default "";

    @AttributeDefinition(required = false,
            description = "Directory of the server's key store and trust lists; empty: ${karaf.data}/millwright/simulator-pki")
    String pkiDir() default "";

    @AttributeDefinition(required = false,
            description = "Accept any client certificate on secure channels; false: only those in <pkiDir>/trusted/certs")
    String trustAllClients() default "true";
}
