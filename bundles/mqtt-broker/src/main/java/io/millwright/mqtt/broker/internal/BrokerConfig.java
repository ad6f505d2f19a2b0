package io.millwright.mqtt.broker.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The embedded broker: {@code etc/io.millwright.mqtt.broker.cfg} (optional; the defaults serve the demo on loopback). */
@ObjectClassDefinition(name = "Millwright MQTT broker", description = "An embedded Moquette MQTT 3.1.1 broker")
public @interface BrokerConfig {

    @AttributeDefinition(description = "Address to listen on; anything but a loopback address needs allowAnonymous=false"
            + " and a username and password")
    String host() default "127.0.0.1";

    @AttributeDefinition(min = "1", max = "65535", description = "TCP port")
    int port() default 1883;

    @AttributeDefinition(description = "Where persistent sessions and their queued QoS 1 messages are kept;"
            + " empty for ${karaf.data}/millwright/mqtt-broker")
    String dataDirectory() default "";

    @AttributeDefinition(description = "Accept clients that give no username (only on a loopback address)")
    boolean allowAnonymous() default true;

    @AttributeDefinition(description = "The one user clients may log in as; empty for none")
    String username() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "That user's password")
    String password() default "";
}
