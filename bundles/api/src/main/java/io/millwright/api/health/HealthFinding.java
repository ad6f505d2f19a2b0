package io.millwright.api.health;

import java.util.Objects;

/**
 * One thing that is wrong: where ({@code subject}: a bundle, component, device or path), how bad,
 * and what a person should know to act on it.
 */
public record HealthFinding(Severity severity, String subject, String message) {

    /** How urgently a finding needs a person. */
    public enum Severity {
        /** Worth knowing; the platform works as configured. */
        INFO,
        /** Something is degraded; data may be late or partial. */
        WARNING,
        /** Something does not work; data is being missed or held back. */
        ERROR
    }

    public HealthFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }
}
