/**
 * Samples: what a driver reads from a device, handed in batches to the core's {@link io.millwright.api.sample.SampleSink}.
 */
@Version("1.0.0")
package io.millwright.api.sample;

import org.osgi.annotation.versioning.Version;
