/**
 * The quarantine: payloads a driver received but could not use (bad JSON, a wrong type, an
 * undecodable protobuf) are kept with where they came from and why, never dropped, so that a
 * person can look at them and replay them once the mapping is fixed.
 */
@Version("1.0.0")
package io.millwright.api.quarantine;

import org.osgi.annotation.versioning.Version;
