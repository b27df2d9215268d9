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
 * @param nameVi       the administrator's Vietnamese name of an added holiday ({@link HolidayKind#ADDED}), else null
 * @param nameEn       the administrator's English name of an added holiday, or null
 */
public record StatutoryDayOff(LocalDate date, HolidayKind holiday, boolean compensatory, String nameVi,
                              String nameEn) {

    public StatutoryDayOff {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(holiday, "holiday");
    }

    /** A day off of a holiday the law names (no names of its own). */
    public StatutoryDayOff(LocalDate date, HolidayKind holiday, boolean compensatory) {
        this(date, holiday, compensatory, null, null);
    }
}
