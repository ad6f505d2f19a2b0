package io.millwright.core.internal.runtime;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A machine, one file per machine: {@code etc/io.millwright.machine-<name>.cfg}. Bindings are
 * {@code <device>/<tag>[ <transform>]} with transform {@code bit(n)}, {@code eq(v)}, {@code ne(v)},
 * {@code gt(x)} or {@code scale(f)}; lists separate entries with {@code ;}.
 */
@ObjectClassDefinition(name = "Millwright machine", description = "A machine: where it sits, its signals, its times")
@interface MachineConfig {

    @AttributeDefinition(description = "Unique machine id: letters, digits, '.', '_', '-'")
    String id();

    @AttributeDefinition(required = false, description = "Display name; the id if empty")
    String name() default "";

    @AttributeDefinition(required = false, description = "Site id")
    String site() default "plant";

    @AttributeDefinition(required = false, description = "Area id")
    String area() default "";

    @AttributeDefinition(required = false, description = "Line id")
    String line() default "";

    @AttributeDefinition(required = false, description = "Running signal, e.g. press01/status bit(0)")
    String running() default "";

    @AttributeDefinition(required = false, description = "Fault code (non-zero means a fault), e.g. press01/fault")
    String faultCode() default "";

    @AttributeDefinition(required = false, description = "Fault flag, e.g. press01/alarm")
    String fault() default "";

    @AttributeDefinition(required = false, description = "Cumulative (or increment) total part count")
    String totalCount() default "";

    @AttributeDefinition(required = false, description = "Cumulative reject count (or bind goodCount)")
    String rejectCount() default "";

    @AttributeDefinition(required = false, description = "Cumulative good count (or bind rejectCount)")
    String goodCount() default "";

    @AttributeDefinition(required = false, description = "Speed, e.g. press01/speed scale(0.1)")
    String speed() default "";

    @AttributeDefinition(required = false, description = "Product or work order now made (text tag)")
    String product() default "";

    @AttributeDefinition(required = false, description = "cumulative or increment")
    String countMode() default "cumulative";

    @AttributeDefinition(required = false, description = "Width of the PLC counters for rollover: 16, 32 or 64")
    String counterBits() default "32";

    @AttributeDefinition(type = AttributeType.STRING, description = "Seconds per part at the ideal rate")
    String idealCycleTime();

    @AttributeDefinition(required = false, description = "Stops shorter than this many seconds are minor stops")
    String microStopThreshold() default "60";

    @AttributeDefinition(required = false, description = "Seconds without data before the machine is OFFLINE")
    String stalenessTimeout() default "30";

    @AttributeDefinition(required = false, description = "Without a running signal: running while counts rose within this many seconds")
    String runningWindow() default "";

    @AttributeDefinition(required = false, description = "Seconds after a stop whose rejects are start-up rejects")
    String startupPeriod() default "0";

    @AttributeDefinition(required = false, description = "Critical machines' alerts escalate faster")
    boolean critical() default false;

    @AttributeDefinition(required = false, description = "Calendar scope; the line's, else the site's if empty")
    String calendar() default "";

    @AttributeDefinition(required = false, description = "Fault code to reason code: 17=MECH.JAM;23=ELEC.MOTOR")
    String faultReasons() default "";

    @AttributeDefinition(required = false, description = "Product to ideal cycle seconds: SKU-A=1.2;SKU-B=0.8")
    String products() default "";
}
