package io.millwright.api.health;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by a bundle that knows of problems the platform cannot see from outside (an
 * outbox growing, a database on a full disk). Registered as a service; the platform calls every
 * registered check when someone asks for health.
 */
@ConsumerType
public interface HealthCheck {

    /** A short name for the area checked, shown beside its findings ("store", "modbus"). */
    String name();

    /**
     * What is wrong now; an empty list when all is well. Must answer quickly (a second at most)
     * and must not throw: a check that cannot tell reports that as a finding.
     */
    List<HealthFinding> check();
}
