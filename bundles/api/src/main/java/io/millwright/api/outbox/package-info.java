/**
 * The outbox: everything that leaves the platform (ERP, notifications, uplinks) is read from it
 * in order, each consumer with its own durable cursor, and acknowledged only after the far side
 * confirmed. At-least-once delivery; each entry's event key lets the far side drop repeats.
 */
@Version("1.0.0")
package io.millwright.api.outbox;

import org.osgi.annotation.versioning.Version;
