package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day off computed from the law: a public holiday on a weekday, a public holiday falling on a weekend (which is a
 * day off anyway and gives a compensatory day), or the compensatory day itself.
 *
 * @param date         the day
 * @param holiday      the holiday, or the holiday compensated for
 * @param compensatory whether this is a compensatory day off (ngày nghỉ bù) for {@code holiday}
 */
public record StatutoryDayOff(LocalDate date, HolidayKind holiday, boolean compensatory) {

    public StatutoryDayOff {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(holiday, "holiday");
    }
}
