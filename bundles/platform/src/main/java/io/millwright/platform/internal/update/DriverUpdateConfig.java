package io.millwright.platform.internal.update;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/io.millwright.platform.driverupdate.cfg}: defaults of {@code millwright:driver-update}. */
@ObjectClassDefinition(name = "Millwright driver update", description = "How long an updated driver gets to bring its devices back")
public @interface DriverUpdateConfig {

    @AttributeDefinition(description = "Seconds the updated driver's devices get to be back and delivering data before the update is rolled back")
    int timeoutSeconds() default 60;

    @AttributeDefinition(description = "A device that delivered data within this many seconds before the update must deliver data again")
    int dataWindowSeconds() default 30;
}
