package io.millwright.simulator.mqtt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The simulator's MQTT publisher, one for every simulated machine: {@code etc/io.millwright.simulator.mqtt.cfg}
 * (an empty file gives these defaults). Numbers are read as text so that a mistake is refused with
 * its key; {@link MqttFaceSettings} checks them.
 */
@ObjectClassDefinition(name = "Millwright simulator MQTT face",
        description = "Publishes every simulated machine to an MQTT broker as JSON and/or as a Sparkplug B edge node")
public @interface MqttFaceConfig {

    @AttributeDefinition(required = false, description = "Broker to publish to: tcp://host[:1883] or ssl://host[:8883]")
    String brokerUri() default "tcp://127.0.0.1:1883";

    @AttributeDefinition(required = false, description = "MQTT client id")
    String clientId() default "millwright-simulator";

    @AttributeDefinition(required = false, description = "User name; empty for none")
    String username() default "";

    @AttributeDefinition(required = false, type = AttributeType.PASSWORD, description = "Password of 'username'")
    String password() default "";

    @AttributeDefinition(required = false, description = "json, sparkplug or both")
    String format() default "both";

    @AttributeDefinition(required = false, description = "QoS of the JSON messages, 0 to 2 (Sparkplug B fixes its own: 0, and 1 for the will)")
    String qos() default "1";

    @AttributeDefinition(required = false, description = "JSON topics are <topicPrefix>/<machine id>")
    String topicPrefix() default "millwright/sim";

    @AttributeDefinition(required = false, description = "Sparkplug B group id")
    String groupId() default "Millwright";

    @AttributeDefinition(required = false, description = "Sparkplug B edge node id; each machine is a device behind it")
    String edgeNodeId() default "simulator";

    @AttributeDefinition(required = false, description = "At most one message per machine (and format) this often, in ms, carrying its latest values")
    String publishIntervalMs() default "200";

    @AttributeDefinition(required = false,
            description = "A machine whose values have not changed is published again after this many ms, so that a subscriber can tell silence from a lost link; 0: never")
    String refreshMs() default "5000";

    @AttributeDefinition(required = false, description = "Reconnect backoff: from 250 ms, doubling, up to this (ms)")
    String reconnectMaxDelayMs() default "30000";
}
