/**
 * The store contract: where the core keeps machine events and its checkpoints durably, and reads
 * history back for OEE and the shell. The core ships an in-memory implementation; the Derby
 * store replaces it with a durable one.
 */
@Version("1.0.0")
package io.millwright.api.store;

import org.osgi.annotation.versioning.Version;
