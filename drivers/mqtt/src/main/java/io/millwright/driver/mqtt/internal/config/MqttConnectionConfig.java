package io.millwright.driver.mqtt.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One broker connection, one file per connection: {@code etc/io.millwright.driver.mqtt-<name>.cfg}.
 * Devices are {@code device.<id>.format}, {@code .topic}, {@code .timestamp}, {@code .node},
 * {@code .qos}, {@code .historize} and {@code .tag.<name>} keys (see docs/mqtt.md). Numbers are
 * text so that the parser, not Config Admin, reports a wrong value by its key.
 */
@ObjectClassDefinition(name = "Millwright MQTT connection", description = "One MQTT broker connection and the devices mapped from its topics")
public @interface MqttConnectionConfig {

    @AttributeDefinition(description = "Unique connection id: letters, digits, '_', '-'")
    String id();

    @AttributeDefinition(description = "Broker URI: tcp://host:1883 or ssl://host:8883")
    String uri();

    @AttributeDefinition(required = false, description = "MQTT client id; keep it stable so the broker keeps the session (default millwright-<id>)")
    String clientId() default "";

    @AttributeDefinition(required = false, description = "User name")
    String username() default "";

    @AttributeDefinition(required = false, type = AttributeType.PASSWORD, description = "Password (never logged)")
    String password() default "";

    @AttributeDefinition(required = false, description = "Trust store file for ssl://, relative to etc/")
    String trustStore() default "";

    @AttributeDefinition(required = false, type = AttributeType.PASSWORD, description = "Trust store password")
    String trustStorePassword() default "";

    @AttributeDefinition(required = false, description = "Trust store type: PKCS12 or JKS")
    String trustStoreType() default "PKCS12";

    @AttributeDefinition(required = false, description = "Client key store file for ssl:// client certificates, relative to etc/")
    String keyStore() default "";

    @AttributeDefinition(required = false, type = AttributeType.PASSWORD, description = "Key store password")
    String keyStorePassword() default "";

    @AttributeDefinition(required = false, description = "Key store type: PKCS12 or JKS")
    String keyStoreType() default "PKCS12";

    @AttributeDefinition(required = false, description = "false keeps the broker session, so QoS 1 messages wait while the driver is away")
    String cleanSession() default "false";

    @AttributeDefinition(required = false, description = "Keep alive in seconds")
    String keepAlive() default "30";

    @AttributeDefinition(required = false, description = "Connect timeout in seconds")
    String connectTimeout() default "10";

    @AttributeDefinition(required = false, description = "Longest wait between reconnect attempts, in milliseconds")
    String reconnectMaxDelay() default "30000";
}
