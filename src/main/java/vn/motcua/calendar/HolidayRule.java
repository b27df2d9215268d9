package vn.motcua.calendar;

import java.time.Instant;
import java.time.MonthDay;
import java.util.Objects;

/**
 * An administrator's rule about a fixed-date public holiday (ngày lễ theo dương lịch): from a year (and until a year,
 * or open-ended) a date of every year is added to the public holidays ({@link Action#ADD}, e.g. 24 November should
 * the Labour Code be amended) or taken out of them ({@link Action#REMOVE}, e.g. a statutory date the law no longer
 * lists). Rules are kept in {@code cal_holiday_rule}; {@link FixedHolidays} applies them, the later rule winning where
 * two cover the same date and year.
 *
 * @param id        the rule's number, increasing with creation (0 before it is stored)
 * @param action    add or remove the date
 * @param month     1–12
 * @param day       a day that month has in every year (29 February is refused)
 * @param nameVi    Vietnamese name of an added holiday (required for {@link Action#ADD}); null for a removal
 * @param nameEn    optional English name of an added holiday
 * @param fromYear  first year the rule applies to
 * @param toYear    last year the rule applies to, null for every later year
 * @param createdAt when the administrator made the rule (null before it is stored)
 * @param createdBy the administrator's user name (null outside a security context)
 */
public record HolidayRule(long id, Action action, int month, int day, String nameVi, String nameEn, int fromYear,
                          Integer toYear, Instant createdAt, String createdBy) {

    /** What a rule does to its date. */
    public enum Action {
        /** The date is a public holiday in the rule's years. */
        ADD,
        /** The date is not a public holiday in the rule's years. */
        REMOVE
    }

    public HolidayRule {
        Objects.requireNonNull(action, "action");
        MonthDay.of(month, day);
        if (toYear != null && toYear < fromYear) {
            throw new IllegalArgumentException("toYear before fromYear");
        }
        if (action == Action.ADD && (nameVi == null || nameVi.isBlank())) {
            throw new IllegalArgumentException("an added holiday needs a name");
        }
    }

    /** The date of every year the rule is about. */
    public MonthDay date() {
        return MonthDay.of(month, day);
    }

    /** Whether the rule applies to a year. */
    public boolean covers(int year) {
        return year >= fromYear && (toYear == null || year <= toYear);
    }
}
