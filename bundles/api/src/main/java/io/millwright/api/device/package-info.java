/**
 * Devices: the service every driver registers for each configured device, so that status,
 * counters and latency can be seen in one place whatever the protocol.
 */
@Version("1.0.0")
package io.millwright.api.device;

import org.osgi.annotation.versioning.Version;
