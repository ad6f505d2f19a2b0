package io.millwright.simulator.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A simulated machine, one file each: {@code etc/io.millwright.simulator-<name>.cfg}. Numbers are
 * read as text so that a mistake is refused with its key and value rather than turned into 0.
 * These defaults are the only ones: {@link SimulatorSettings} reads them from here.
 */
@ObjectClassDefinition(name = "Millwright simulated machine",
        description = "A simulated machine: its behaviour and the Modbus TCP server it answers on")
@interface SimulatorConfig {

    @AttributeDefinition(description = "Unique machine id: letters, digits, '.', '_', '-'")
    String id();

    @AttributeDefinition(required = false, description = "Random seed (a whole number); empty derives one from the id")
    String seed() default "";

    @AttributeDefinition(required = false, description = "Nominal milliseconds per part, 0.1 upwards")
    String cycleTimeMs() default "3000";

    @AttributeDefinition(required = false, description = "Each cycle varies by up to this fraction either way (0 to 0.9)")
    String cycleJitter() default "0.05";

    @AttributeDefinition(required = false, description = "Share of parts that are rejects, 0 to 1")
    String rejectRate() default "0.02";

    @AttributeDefinition(required = false, description = "Random faults per hour of running")
    String faultsPerHour() default "4";

    @AttributeDefinition(required = false, description = "Mean fault duration in seconds")
    String meanFaultSeconds() default "120";

    @AttributeDefinition(required = false, description = "Fault codes a random fault picks from, 1 to 65535, separated by ';' or ','")
    String faultCodes() default "17;23;41";

    @AttributeDefinition(required = false, description = "Minor stops (short, no fault) per hour of running")
    String minorStopsPerHour() default "12";

    @AttributeDefinition(required = false, description = "Mean minor stop duration in seconds")
    String meanMinorStopSeconds() default "20";

    @AttributeDefinition(required = false, description = "Starved/blocked idle periods per hour of running")
    String starvationsPerHour() default "1";

    @AttributeDefinition(required = false, description = "Mean starved/blocked period in seconds")
    String meanStarvationSeconds() default "180";

    @AttributeDefinition(required = false, description = "A fault this many seconds after start; 0 for none")
    String firstFaultAfterSeconds() default "0";

    @AttributeDefinition(required = false, description = "Total counter at start, 0 to 4294967295")
    String startTotal() default "0";

    @AttributeDefinition(required = false, description = "Reject counter at start, 0 to 4294967295")
    String startReject() default "0";

    @AttributeDefinition(required = false, description = "Milliseconds between updates of the served values, 1 to 60000")
    String tickMs() default "10";

    @AttributeDefinition(required = false, description = "Serve the machine over Modbus TCP")
    String modbus_enabled() default "true";

    @AttributeDefinition(required = false, description = "Modbus TCP port, one per machine")
    String modbus_port() default "5020";

    @AttributeDefinition(required = false, description = "Address to listen on; 0.0.0.0 for every interface")
    String modbus_address() default "127.0.0.1";

    @AttributeDefinition(required = false, description = "Modbus unit id answered, 0 to 255")
    String modbus_unitId() default "1";

    @AttributeDefinition(required = false, description = "Modbus clients served at once, 1 to 64")
    String modbus_maxConnections() default "5";
}
