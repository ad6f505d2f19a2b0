package io.millwright.core.internal.runtime;

import io.millwright.core.calendar.CalendarConfigException;
import io.millwright.core.calendar.PlannedStop;
import io.millwright.core.calendar.ShiftCalendar;
import io.millwright.core.calendar.ShiftInstance;
import io.millwright.core.internal.model.ConfigValues;
import io.millwright.core.oee.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A site's or line's shift calendar, one file each: {@code etc/io.millwright.calendar-<name>.cfg}.
 * Lists separate entries with {@code ;}.
 */
@Component(configurationPid = "io.millwright.calendar", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = CalendarConfiguration.Config.class, factory = true)
public class CalendarConfiguration {

    @ObjectClassDefinition(name = "Millwright shift calendar", description = "Shifts, breaks, holidays, maintenance")
    @interface Config {
        @AttributeDefinition(description = "The site or line id this calendar applies to")
        String scope();

        @AttributeDefinition(description = "IANA time zone, e.g. Europe/Berlin")
        String timeZone();

        @AttributeDefinition(description = "NAME HH:mm-HH:mm [DAYS] entries, e.g. Early 06:00-14:00 MON-FRI")
        String shifts();

        @AttributeDefinition(required = false, description = "SHIFT HH:mm-HH:mm entries; * for every shift")
        String breaks() default "";

        @AttributeDefinition(required = false, description = "YYYY-MM-DD entries")
        String holidays() default "";

        @AttributeDefinition(required = false, description = "2026-12-01T08:00/2026-12-01T12:00, DAILY HH:mm-HH:mm, "
                + "WEEKLY MON HH:mm-HH:mm or MONTHLY 15 HH:mm-HH:mm entries")
        String maintenance() default "";
    }

    private static final String[] LIST_KEYS = {"shifts", "breaks", "holidays", "maintenance"};

    @Reference
    private MachineRuntime runtime;

    private String pid;
    private String scope;

    @Activate
    void activate(Config config, Map<String, Object> properties) {
        pid = String.valueOf(properties.get(Constants.SERVICE_PID));
        apply(properties);
    }

    @Modified
    void modified(Config config, Map<String, Object> properties) {
        apply(properties);
    }

    @Deactivate
    void deactivate() {
        if (scope != null) {
            runtime.removeCalendar(scope);
        }
        runtime.clearRefusal(pid);
    }

    private void apply(Map<String, Object> properties) {
        Map<String, Object> lists = new HashMap<>(properties);
        ConfigValues values = new ConfigValues(properties);
        for (String key : LIST_KEYS) {
            if (properties.containsKey(key)) {
                lists.put(key, values.list(key).toArray(new String[0]));
            }
        }
        try {
            ShiftCalendar calendar = ShiftCalendar.parse(lists);
            if (scope != null && !scope.equals(calendar.scope())) {
                runtime.removeCalendar(scope);
            }
            scope = calendar.scope();
            runtime.clearRefusal(pid);
            runtime.addCalendar(new Adapter(calendar));
        } catch (CalendarConfigException e) {
            if (scope != null) {
                runtime.removeCalendar(scope);
                scope = null;
            }
            runtime.refuse(new RefusedConfiguration(pid, MachineConfiguration.fileName(properties, pid), "calendar",
                    e.key(), e.value(), e.getMessage(), Instant.now()));
        }
    }

    /** The calendar as the runtime sees it. */
    static final class Adapter implements SiteCalendar {
        private final ShiftCalendar calendar;

        Adapter(ShiftCalendar calendar) {
            this.calendar = calendar;
        }

        @Override
        public String scope() {
            return calendar.scope();
        }

        @Override
        public boolean isPlannedStop(Instant t) {
            return calendar.isPlannedStop(t);
        }

        @Override
        public Instant nextChange(Instant t) {
            return calendar.nextChange(t);
        }

        @Override
        public List<Period> plannedStops(Instant from, Instant to) {
            List<Period> periods = new ArrayList<>();
            for (PlannedStop stop : calendar.plannedStops(from, to)) {
                periods.add(new Period(stop.start(), stop.end()));
            }
            return periods;
        }

        @Override
        public Optional<Window> shiftAt(Instant t) {
            return calendar.shiftAt(t).map(Adapter::window);
        }

        @Override
        public Optional<Window> previousShift(Instant t) {
            return calendar.previousShift(t).map(Adapter::window);
        }

        private static Window window(ShiftInstance shift) {
            return new Window(shift.name() + " " + shift.date(), shift.start(), shift.end());
        }
    }
}
