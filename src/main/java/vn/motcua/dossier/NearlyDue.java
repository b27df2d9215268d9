package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;

/**
 * "Nearly due": due within the nearly-due window of working hours from now, in the unit's calendar. One setting for
 * the dashboard and the worklists: {@code motcua.indicators.nearly-due-working-hours} (default 8).
 */
@Component
public class NearlyDue {
    private final WorkingCalendar calendar;
    private final int workingHours;

    NearlyDue(WorkingCalendar calendar, @Value("${motcua.indicators.nearly-due-working-hours:8}") int workingHours) {
        this.calendar = calendar;
        this.workingHours = workingHours;
    }

    /** The end of the nearly-due window that starts now. */
    public Instant before(Instant now, String unitIdentifier) {
        return calendar.addWorkingTime(now, Duration.ofHours(workingHours), unitIdentifier);
    }
}
