package io.millwright.core.internal.runtime;

import java.time.Instant;

/** A configuration file the core refused, with what is wrong in it. */
public record RefusedConfiguration(String pid, String file, String kind, String key, String value, String message,
                                   Instant time) {
}
