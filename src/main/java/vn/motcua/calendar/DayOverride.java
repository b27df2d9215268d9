package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An administrator's decision for one date, taking precedence over the computed calendar.
 *
 * @param date   the day
 * @param kind   {@link Kind#DAY_OFF} or {@link Kind#WORKING_DAY}
 * @param nameVi Vietnamese name of the day off (required for {@link Kind#DAY_OFF}), or an optional note for a working
 *               day (e.g. "Làm bù cho ngày 30/4")
 * @param nameEn optional English name or note; readers fall back to {@code nameVi}
 */
public record DayOverride(LocalDate date, Kind kind, String nameVi, String nameEn) {

    /** What the override makes of the day. */
    public enum Kind {
        /** The day is a day off (a holiday decided for the year, or the weekday given in a swap). */
        DAY_OFF,
        /** The day is a working day (a computed day off cancelled, or a Saturday/Sunday worked in a swap). */
        WORKING_DAY
    }

    public DayOverride {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        nameVi = blankToNull(nameVi);
        nameEn = blankToNull(nameEn);
        if (kind == Kind.DAY_OFF && nameVi == null) {
            throw new IllegalArgumentException("a day off needs a name");
        }
    }

    /** Whether the override makes the day a working day. */
    public boolean working() {
        return kind == Kind.WORKING_DAY;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
