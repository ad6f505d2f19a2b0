package io.millwright.core.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a {@link ShiftCalendar} from Config Admin properties, refusing the first invalid entry. */
final class CalendarParser {

    static final String SCOPE = "scope";
    static final String TIME_ZONE = "timeZone";
    static final String HOLIDAYS = "holidays";

    private CalendarParser() {
    }

    static ShiftCalendar parse(Map<String, ?> properties) {
        CalendarProperties props = new CalendarProperties(properties);
        String scope = props.requiredText(SCOPE, "the site or line id the calendar applies to").text();
        ZoneId zone = zone(props.requiredText(TIME_ZONE, "an IANA time-zone id such as Europe/Berlin"));
        List<ShiftPattern> shifts = shifts(props.entries(ShiftPattern.KEY));
        for (ConfigEntry entry : props.entries(BreakRule.KEY)) {
            shifts = BreakRule.parse(entry).applyTo(shifts);
        }
        Set<LocalDate> holidays = holidays(props.entries(HOLIDAYS));
        List<MaintenanceWindow> maintenance = new ArrayList<>();
        for (ConfigEntry entry : props.entries(MaintenanceWindow.KEY)) {
            maintenance.add(MaintenanceWindow.parse(entry));
        }
        ShiftSchedule schedule = new ShiftSchedule(shifts, holidays, zone);
        return new ShiftCalendar(scope, zone, schedule, new StopTimeline(schedule, maintenance, zone));
    }

    private static ZoneId zone(ConfigEntry entry) {
        try {
            return ZoneId.of(entry.text());
        } catch (DateTimeException e) {
            throw entry.refuse("unknown time zone; expected an IANA time-zone id such as Europe/Berlin");
        }
    }

    private static List<ShiftPattern> shifts(List<ConfigEntry> entries) {
        if (entries.isEmpty()) {
            throw new CalendarConfigException(ShiftPattern.KEY, "",
                    "required: expected at least one shift " + ShiftPattern.SYNTAX);
        }
        List<ShiftPattern> shifts = new ArrayList<>();
        for (ConfigEntry entry : entries) {
            shifts.add(ShiftPattern.parse(entry));
        }
        ShiftOverlapCheck.requireDisjoint(shifts);
        return shifts;
    }

    private static Set<LocalDate> holidays(List<ConfigEntry> entries) {
        Set<LocalDate> holidays = new HashSet<>();
        for (ConfigEntry entry : entries) {
            try {
                holidays.add(LocalDate.parse(entry.text(), DateTimeFormatter.ISO_LOCAL_DATE));
            } catch (DateTimeException e) {
                throw entry.refuse("date is not YYYY-MM-DD");
            }
        }
        return holidays;
    }
}
