package vn.motcua.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the log of changes to the fixed-date public holidays ({@code cal_holiday_change}), which
 * administrators read in the calendar view and through {@code GET /api/admin/holidays/changes}. Entries are never
 * changed or deleted.
 *
 * @param at       when the change was committed
 * @param by       the administrator's user name (null outside a security context)
 * @param change   {@link Kind#ADD} or {@link Kind#REMOVE} (a rule created), or {@link Kind#UNDO} (a rule deleted)
 * @param ruleId   the rule created or deleted
 * @param month    the rule's month
 * @param day      the rule's day
 * @param fromYear the rule's first year
 * @param toYear   the rule's last year, null if open-ended
 * @param nameVi   the rule's Vietnamese name, null for a removal
 */
public record HolidayChange(Instant at, String by, Kind change, long ruleId, int month, int day, int fromYear,
                            Integer toYear, String nameVi) {

    /** What happened. */
    public enum Kind {
        /** A rule adding a holiday was created. */
        ADD,
        /** A rule removing a holiday was created. */
        REMOVE,
        /** A rule was deleted: its years follow the other rules and the law again. */
        UNDO;

        /** Key of the label in the {@code i18n/calendar} bundles. */
        public String messageKey() {
            return "calendar.change." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public HolidayChange {
        Objects.requireNonNull(change, "change");
    }
}
