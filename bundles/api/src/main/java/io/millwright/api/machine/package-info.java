/**
 * Machines: the five machine states and the events the core emits as they change.
 */
@Version("1.0.0")
package io.millwright.api.machine;

import org.osgi.annotation.versioning.Version;
