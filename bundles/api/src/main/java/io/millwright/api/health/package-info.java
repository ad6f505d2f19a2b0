/**
 * Health: bundles contribute what is wrong with them, and the platform shows it in one place
 * ({@code millwright:health}).
 */
@Version("1.0.0")
package io.millwright.api.health;

import org.osgi.annotation.versioning.Version;
