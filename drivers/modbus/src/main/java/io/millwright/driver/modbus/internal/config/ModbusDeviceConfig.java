package io.millwright.driver.modbus.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A Modbus TCP device, one file per device: {@code etc/io.millwright.driver.modbus-<name>.cfg}.
 * Tags are {@code tag.<name> = <area> <address> [type] [scale=..] [offset=..] [deadband=..] [historize=..]
 * [byteOrder=..] [wordOrder=..]} and/or a CSV {@code tagFile}. Numbers are text here so that the
 * parser, not Config Admin, reports a wrong value by its key.
 */
@ObjectClassDefinition(name = "Millwright Modbus TCP device", description = "One Modbus TCP device: where it is, how it is polled, its tags")
public @interface ModbusDeviceConfig {

    @AttributeDefinition(description = "Unique device id: letters, digits, '.', '_', '-'")
    String id();

    @AttributeDefinition(description = "Host name or IP address")
    String host();

    @AttributeDefinition(required = false, description = "TCP port")
    String port() default "502";

    @AttributeDefinition(required = false, description = "Unit id (slave id), 0 to 255")
    String unitId() default "1";

    @AttributeDefinition(required = false, description = "Poll interval in milliseconds")
    String pollInterval() default "1000";

    @AttributeDefinition(required = false, description = "Connect and response timeout in milliseconds")
    String timeout() default "1000";

    @AttributeDefinition(required = false, description = "Retries of a request that timed out, on a new socket, before the device is OFFLINE")
    String retries() default "1";

    @AttributeDefinition(required = false, description = "Byte order within a register: big or little; a tag's byteOrder option overrides it")
    String byteOrder() default "big";

    @AttributeDefinition(required = false, description = "Word order of 32- and 64-bit values: big (high word first) or little; a tag's wordOrder option overrides it")
    String wordOrder() default "big";

    @AttributeDefinition(required = false, description = "Largest run of unused registers read to join two tags into one request")
    String maxGap() default "10";

    @AttributeDefinition(required = false, description = "Most registers per request, 1 to 125")
    String maxRegisters() default "125";

    @AttributeDefinition(required = false, description = "Most coils or discrete inputs per request, 1 to 2000")
    String maxCoils() default "2000";

    @AttributeDefinition(required = false, description = "Whether modbus-write may write to this device")
    String writable() default "false";

    @AttributeDefinition(required = false, description = "Longest wait between reconnect attempts, in milliseconds")
    String reconnectMaxDelay() default "30000";

    @AttributeDefinition(required = false, description = "CSV tag file (name,area,address,type,scale,offset,deadband,historize[,byteOrder,wordOrder]), relative to etc/")
    String tagFile() default "";
}
