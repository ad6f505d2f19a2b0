package io.millwright.core.internal.model;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A machine as its configuration describes it, validated: where it sits, which tags feed which
 * signals, and the times that judge its states and performance.
 */
public record MachineDefinition(
        String id,
        String name,
        String site,
        String area,
        String line,
        Map<SignalKind, SignalBinding> bindings,
        CountMode countMode,
        int counterBits,
        Duration idealCycleTime,
        Duration microStopThreshold,
        Duration stalenessTimeout,
        Duration runningWindow,
        Duration startupPeriod,
        boolean critical,
        String calendar,
        Map<Long, String> faultReasons,
        Map<String, Duration> productCycleTimes) {

    public MachineDefinition {
        bindings = Map.copyOf(bindings);
        faultReasons = Map.copyOf(faultReasons);
        productCycleTimes = Map.copyOf(productCycleTimes);
    }

    public Optional<SignalBinding> binding(SignalKind kind) {
        return Optional.ofNullable(bindings.get(kind));
    }

    /** The ideal cycle time for a product: its own if configured, else the machine's. */
    public Duration idealCycleTime(String product) {
        Duration specific = product == null ? null : productCycleTimes.get(product);
        return specific == null ? idealCycleTime : specific;
    }

    /** The calendar scopes to look for, most specific first: the explicit one, the line, the site. */
    public String[] calendarScopes() {
        if (calendar != null) {
            return new String[] {calendar};
        }
        return line == null ? new String[] {site} : new String[] {line, site};
    }

    /** The key a machine is found under in a line or site: {@code site/area/line}. */
    public String place() {
        StringBuilder place = new StringBuilder(site);
        if (area != null) {
            place.append('/').append(area);
        }
        if (line != null) {
            place.append('/').append(line);
        }
        return place.toString();
    }
}
