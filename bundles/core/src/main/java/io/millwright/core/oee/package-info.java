/** OEE arithmetic in plain Java: availability, performance, quality, TEEP and the Six Big Losses. */
@Version("1.0.0")
package io.millwright.core.oee;

import org.osgi.annotation.versioning.Version;
